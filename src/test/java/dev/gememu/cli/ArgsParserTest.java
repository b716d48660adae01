package dev.gememu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsParserTest {
  @Test
  void repeatedFixturesFlagsNameSeveralDirectories() {
    ServerConfig config = ArgsParser.parse(
        new String[] {"--fixtures", "a", "--fixtures", "b/c", "--fixtures-poll", "250ms"}, new int[1]);

    assertThat(config.fixtures().directories()).containsExactly(Path.of("a"), Path.of("b/c"));
    assertThat(config.fixtures().pollInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void theEnvironmentListIsUsedWhenNoFlagIsGiven() {
    assertThat(ArgsParser.fixtureDirs(null, "x" + File.pathSeparator + " y " + File.pathSeparator))
        .containsExactly(Path.of("x"), Path.of("y"));
    assertThat(ArgsParser.fixtureDirs(List.of(Path.of("flag")), "x")).containsExactly(Path.of("flag"));
    assertThat(ArgsParser.fixtureDirs(null, null)).isEmpty();
  }

  @Test
  void servesEveryKnownModelByDefaultAndExtraModelsAddToTheList() {
    assertThat(ArgsParser.parse(new String[0], new int[1]).models()).isEqualTo(ServerConfig.defaults().models());

    ServerConfig added = ArgsParser.parse(new String[] {"--extra-models", "gemini-9-flash,gemini-2.5-flash"}, new int[1]);
    assertThat(added.models()).hasSize(ServerConfig.defaults().models().size() + 1).endsWith("gemini-9-flash");

    ServerConfig replaced = ArgsParser.parse(
        new String[] {"--models", "gemini-2.5-flash", "--extra-models", "my-tuned-model"}, new int[1]);
    assertThat(replaced.models()).containsExactly("gemini-2.5-flash", "my-tuned-model");
  }
}
