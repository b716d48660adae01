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
