package dev.gememu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gememu.config.ServerConfig;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ArgsParserTest {
  @Test
  void repeatedFixturesFlagsNameSeveralDirectories() {
    ServerConfig config = ArgsParser.parse("--fixtures", "a", "--fixtures", "b/c", "--fixtures-poll", "250ms");

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
    assertThat(ArgsParser.parse().models()).isEqualTo(ServerConfig.defaults().models());

    ServerConfig added = ArgsParser.parse("--extra-models", "gemini-9-flash,gemini-2.5-flash");
    assertThat(added.models()).hasSize(ServerConfig.defaults().models().size() + 1).endsWith("gemini-9-flash");

    ServerConfig replaced = ArgsParser.parse(
        "--models", "gemini-2.5-flash", "--extra-models", "my-tuned-model");
    assertThat(replaced.models()).containsExactly("gemini-2.5-flash", "my-tuned-model");
  }

  @Test
  void dataDirAndFilesMaxBytesConfigureWhereUploadedFilesAreKept() {
    ServerConfig config = ArgsParser.parse("--data-dir", "/var/lib/gememu", "--files-max-bytes", "2g");

    assertThat(config.files().dataDirectory()).isEqualTo(Path.of("/var/lib/gememu"));
    assertThat(config.files().limits().maxTotalBytes()).isEqualTo(2L << 30);
    assertThat(ArgsParser.parse("--files-max-bytes", "1500").files().limits().maxTotalBytes()).isEqualTo(1500);
    assertThat(ArgsParser.parse().files().dataDirectory()).isNull();
  }

  @Test
  void theDataDirComesFromGememuDataDirWhenNoFlagIsGiven() {
    ArgsParser flags = new ArgsParser();
    CommandLine commandLine = new CommandLine(CommandLine.Model.CommandSpec.forAnnotatedObject(flags));
    commandLine.setDefaultValueProvider(new ConfigDefaults(
        Map.of("GEMEMU_DATA_DIR", "/srv/files", "GEMEMU_FILES_MAX_BYTES", "64m")::get));
    commandLine.parseArgs();

    ServerConfig config = flags.toConfig(null, null);

    assertThat(config.files().dataDirectory()).isEqualTo(Path.of("/srv/files"));
    assertThat(config.files().limits().maxTotalBytes()).isEqualTo(64L << 20);
  }

  @Test
  void upstreamTimeoutBoundsTheWaitOnTheUpstream() {
    assertThat(ArgsParser.parse("--upstream-timeout", "90s").recording().upstreamTimeout())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void minWorkersStartAtOnceAndWorkersBoundTheGrowth() {
    assertThat(ArgsParser.parse().executor().minWorkers()).isEqualTo(1);
    assertThat(ArgsParser.parse().executor().workers()).isEqualTo(2);
    assertThat(ArgsParser.parse("--min-workers", "3", "--workers", "4").executor().minWorkers()).isEqualTo(3);
    assertThat(ArgsParser.parse("--min-workers", "3", "--workers", "2").executor().minWorkers())
        .as("never more than --workers").isEqualTo(2);
  }

  @Test
  void noFlagsGiveTheRecordDefaults() {
    assertThat(ArgsParser.parse()).isEqualTo(ServerConfig.defaults());
  }

  @Test
  void everyFlagReadsItsEnvironmentVariableAndAFlagWinsOverIt() {
    Map<String, String> env = Map.of("GEMEMU_PORT", "9001", "GEMEMU_TIMEOUT", "5s", "GEMEMU_WORKER_HEAP", "1g",
        "GEMEMU_API_KEYS", "k1,k2", "GEMEMU_JIT", "true", "GEMEMU_EXECUTOR", "in-process", "GEMEMU_HOST", "0.0.0.0");
    ArgsParser flags = new ArgsParser();
    CommandLine commandLine = new CommandLine(CommandLine.Model.CommandSpec.forAnnotatedObject(flags));
    commandLine.setDefaultValueProvider(new ConfigDefaults(env::get));
    commandLine.parseArgs("--host", "127.0.0.2");

    ServerConfig config = flags.toConfig(null, null);

    assertThat(config.port()).isEqualTo(9001);
    assertThat(config.limits().timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.executor().workerHeapMb()).isEqualTo(1024);
    assertThat(config.http().apiKeys()).containsExactlyInAnyOrder("k1", "k2");
    assertThat(config.executor().jit()).isTrue();
    assertThat(config.executor().kind().name()).isEqualTo("IN_PROCESS");
    assertThat(config.host()).isEqualTo("127.0.0.2");
  }

  @Test
  void eachFlagNamesItsVariable() {
    assertThat(ConfigDefaults.envName("--max-output")).isEqualTo("GEMEMU_MAX_OUTPUT");
    assertThat(ConfigDefaults.envName("--api-key")).isEqualTo("GEMEMU_API_KEYS");
  }
}
