package dev.gememu.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerLauncherTest {
  private static final Path JAVA17 = Path.of("/jdk17/bin/java");
  private static final Path JAVA25 = Path.of("/jdk25/bin/java");

  private static WorkerRuntime runtime(int feature, Path jdk25, List<Path> classPath, Path compiler, Path aot) {
    return new WorkerRuntime(feature >= 25 ? JAVA25 : JAVA17, feature, jdk25, classPath,
        Set.of("polyglot-25.0.3.jar"), compiler, aot);
  }

  @Test
  void startsWorkersWithTheirOwnHeapAndDieOnOutOfMemory() {
    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults().withWorkerHeapMb(384),
        ExecutionLimits.defaults().withTimeout(Duration.ofSeconds(7)));

    assertThat(launcher.command()).contains("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", WorkerMain.class.getName(), "7000");
    assertThat(launcher.command()).doesNotContain("-XX:+EnableJVMCI");
  }

  @Test
  void startsWorkersFromTheRuntimesJavaAndClassPathNotTheParents() {
    List<Path> classPath = List.of(Path.of("/opt/app/lib/gememu.jar"), Path.of("/opt/app/lib/polyglot-25.0.3.jar"));
    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults(),
        runtime(17, null, classPath, null, null), null);

    assertThat(launcher.command().get(0)).isEqualTo(JAVA17.toString());
    assertThat(launcher.command()).containsSubsequence("-cp", "/opt/app/lib/gememu.jar:/opt/app/lib/polyglot-25.0.3.jar");
  }

  @Test
  void keepsJvmLogsOffTheProtocolAndUsesNoCacheForAClassPathWithDirectories(@TempDir Path dir) throws IOException {
    Path aot = Files.createFile(dir.resolve("worker.aot"));
    WorkerRuntime withClasses = runtime(25, JAVA25, List.of(dir.resolve("classes"), dir.resolve("a.jar")), null, aot);

    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults(), withClasses, null);
    WorkerLauncher training = WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults(), withClasses,
        dir.resolve("never.aot"));

    assertThat(launcher.command()).contains("-Xlog:disable", "-Xlog:all=warning:stderr");
    assertThat(launcher.command()).noneMatch(flag -> flag.startsWith("-XX:AOTCache"));
    assertThat(training.command()).noneMatch(flag -> flag.startsWith("-XX:AOTCache"));
    assertThat(training.command()).contains(WorkerMain.TRAIN);
  }

  @Test
  void usesTheAotCacheBesideGememuOnJava25WithAClassPathOfJars(@TempDir Path dir) throws IOException {
    Path aot = Files.createFile(dir.resolve("worker.aot"));
    WorkerRuntime jars = runtime(25, JAVA25, List.of(dir.resolve("gememu.jar")), null, aot);

    assertThat(WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults(), jars, null).command())
        .contains("-XX:AOTCache=" + aot);
    assertThat(WorkerLauncher.of(ExecutorOptions.defaults(), ExecutionLimits.defaults(),
        runtime(17, null, List.of(dir.resolve("gememu.jar")), null, aot), null).command())
        .noneMatch(flag -> flag.startsWith("-XX:AOTCache"));
  }

  @Test
  void jitWorkersRunOnTheJdk25FoundWithGraalPyOnTheModulePath(@TempDir Path dir) {
    List<Path> classPath = List.of(Path.of("/lib/gememu.jar"), Path.of("/lib/polyglot-25.0.3.jar"));
    WorkerLauncher launcher = WorkerLauncher.of(ExecutorOptions.defaults().withJit(true), ExecutionLimits.defaults(),
        runtime(17, JAVA25, classPath, dir.resolve("compiler-25.0.3.jar"), null), null);

    assertThat(launcher.command().get(0)).isEqualTo(JAVA25.toString());
    assertThat(launcher.command()).contains("-XX:+EnableJVMCI", "--module-path=/lib/polyglot-25.0.3.jar")
        .containsSubsequence("-cp", "/lib/gememu.jar");
  }

  @Test
  void fallsBackToTheInterpreterWhenTheCompilerOrTheJdkIsMissing() {
    List<Path> classPath = List.of(Path.of("/lib/gememu.jar"), Path.of("/lib/polyglot-25.0.3.jar"));
    WorkerLauncher noCompiler = WorkerLauncher.of(ExecutorOptions.defaults().withJit(true), ExecutionLimits.defaults(),
        runtime(17, JAVA25, classPath, null, null), null);
    WorkerLauncher noJdk = WorkerLauncher.of(ExecutorOptions.defaults().withJit(true), ExecutionLimits.defaults(),
        runtime(17, null, classPath, Path.of("/jit/compiler-25.0.3.jar"), null), null);

    assertThat(noCompiler.command()).doesNotContain("-XX:+EnableJVMCI");
    assertThat(noCompiler.describe()).contains("interpreter");
    assertThat(noJdk.command()).doesNotContain("-XX:+EnableJVMCI");
    assertThat(noJdk.command().get(0)).isEqualTo(JAVA17.toString());
  }

  @Test
  void findsTheNewestJdkOfAtLeastTheWantedVersionUnderTheJvmDirectory(@TempDir Path jvm) throws IOException {
    Path jdk21 = fakeJdk(jvm, "java-21-openjdk", "21.0.5");
    Path jdk25 = fakeJdk(jvm, "temurin-25-jdk", "25.0.1");
    Path jdk26 = fakeJdk(jvm, "jdk-26", "26-ea");
    Files.createDirectories(jvm.resolve("broken"));

    assertThat(WorkerRuntime.newestJdk(jvm, 25)).isEqualTo(jdk26);
    Files.delete(jdk26);
    assertThat(WorkerRuntime.newestJdk(jvm, 25)).isEqualTo(jdk25);
    assertThat(WorkerRuntime.newestJdk(jvm, 27)).isNull();
    assertThat(WorkerRuntime.newestJdk(jvm.resolve("absent"), 17)).isNull();
    assertThat(jdk21).exists();
  }

  @Test
  void resolvesTheWorkerClassPathFromGememusJarListNotFromJavaClassPath() {
    List<Path> classPath = WorkerClassPath.resolve(getClass().getClassLoader());

    assertThat(WorkerClassPath.neededJars()).anyMatch(name -> name.startsWith("polyglot-"));
    assertThat(classPath).hasSize(1 + WorkerClassPath.neededJars().size());
    assertThat(classPath.get(0)).isEqualTo(WorkerClassPath.ownLocation());
    assertThat(classPath).allMatch(entry -> entry.toFile().exists());
    assertThat(classPath).noneMatch(entry -> entry.getFileName().toString().startsWith("junit-"));
    assertThat(WorkerClassPath.moduleJars()).anyMatch(name -> name.startsWith("python-language-"));
  }

  private static Path fakeJdk(Path jvm, String name, String version) throws IOException {
    Path home = Files.createDirectories(jvm.resolve(name).resolve("bin"));
    Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.writeString(home.resolve("java"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }
}
