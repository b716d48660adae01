package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerLauncherTest {

  @Test
  void startsWorkersWithTheirOwnHeapAndDieOnOutOfMemory() {
    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults().withWorkerHeapMb(384),
        ExecutionLimits.defaults().withTimeout(Duration.ofSeconds(7)));

    assertThat(launcher.command()).contains("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", WorkerMain.class.getName(), "7000");
    assertThat(launcher.command()).doesNotContain("-XX:+EnableJVMCI");
  }

  @Test
  void keepsJvmLogsOffTheProtocolAndTrainsNoCacheForAClassPathWithDirectories() {
    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults());
    WorkerLauncher training = WorkerLauncher.training(java.nio.file.Path.of("target/never.aot"));

    assertThat(launcher.command()).contains("-Xlog:disable", "-Xlog:all=warning:stderr");
    // Maven runs the tests with target/classes on the class path, which an AOT cache cannot cover.
    assertThat(launcher.command()).noneMatch(flag -> flag.startsWith("-XX:AOTCache"));
    assertThat(training.command()).noneMatch(flag -> flag.startsWith("-XX:AOTCache"));
    assertThat(training.command()).contains(WorkerMain.TRAIN);
  }

  @Test
  void fallsBackToTheInterpreterWhenTheCompilerIsMissing() {
    String previous = System.getProperty("gememu.jit.modules");
    System.setProperty("gememu.jit.modules", "/nonexistent/compiler.jar");
    try {
      WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults().withJit(true), ExecutionLimits.defaults());

      assertThat(launcher.command()).doesNotContain("-XX:+EnableJVMCI");
      assertThat(launcher.describe()).contains("interpreter");
    } finally {
      if (previous == null) {
        System.clearProperty("gememu.jit.modules");
      } else {
        System.setProperty("gememu.jit.modules", previous);
      }
    }
  }
}
