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
}
