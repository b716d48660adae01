package dev.gememu.executor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command of one CPython zygote: {@code cpython_zygote.py} run by the project's
 * {@code .venv-sandbox} Python inside bubblewrap, with new user, PID, network, IPC, UTS and cgroup
 * namespaces, {@code /usr} and the venv read-only, nothing of the host's {@code /etc}, home,
 * {@code /work} or environment, and {@code --die-with-parent}. There is no unsandboxed fallback:
 * {@link #unavailability()} says why the sandbox cannot be built, and the executor then refuses to start.
 */
final class CPythonZygote implements WorkerCommand {
  static final String INSTALL_HINT = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf"
      + " install bubblewrap) and build the library set with make (it creates .venv-sandbox/)";
  /** Where the venv appears inside the sandbox. */
  static final String VENV_INSIDE = "/opt/gememu/venv";
  /** Memory a snippet may allocate beyond what its zygote already maps. */
  static final long MEMORY_BYTES = 2L << 30;
  private static final String BOOTSTRAP =
      "import sys; exec(compile(sys.argv.pop(1), 'gememu_zygote.py', 'exec'))";

  private final List<String> command;
  private final String description;

  private CPythonZygote(List<String> command, String description) {
    this.command = List.copyOf(command);
    this.description = description;
  }

  /** The zygote command for these limits, or an exception saying what is missing and how to install it. */
  static CPythonZygote create(ExecutionLimits limits, FilesystemPolicy files, int workers) {
    Optional<String> missing = unavailability();
    if (missing.isPresent()) {
      throw new IllegalStateException("The CPython executor cannot start: " + missing.get() + ". To enable it, "
          + INSTALL_HINT + "; or run with --executor graalpy.");
    }
    Path venv = venv();
    List<String> command = new ArrayList<>(List.of(bwrap().toString(),
        "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
        "--die-with-parent", "--new-session", "--clearenv", "--uid", "65534", "--gid", "65534",
        "--hostname", "sandbox", "--ro-bind", "/usr", "/usr"));
    for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64")) {
      addSystemDirectory(command, Path.of(top));
    }
    command.addAll(List.of("--ro-bind-try", "/etc/localtime", "/etc/localtime",
        "--ro-bind", venv.toString(), VENV_INSIDE, "--proc", "/proc", "--dev", "/dev",
        "--size", Long.toString(files.maxBytes()), "--tmpfs", "/tmp", "--dir", "/root", "--chdir", "/root",
        "--setenv", "HOME", "/root", "--setenv", "USER", "root", "--setenv", "LOGNAME", "root",
        "--setenv", "PATH", VENV_INSIDE + "/bin:/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8",
        "--setenv", "MPLBACKEND", "Agg", "--setenv", "MPLCONFIGDIR", "/tmp/matplotlib",
        // One thread per library: snippets fork from the zygote, and the machine's cores are shared.
        "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "OMP_NUM_THREADS", "1",
        "--setenv", "MKL_NUM_THREADS", "1", "--setenv", "NUMEXPR_MAX_THREADS", "1",
        "--", VENV_INSIDE + "/bin/python3", "-I", "-B", "-c", BOOTSTRAP, zygoteSource(),
        Long.toString(limits.timeout().toMillis()), Integer.toString(limits.maxOutputBytes()),
        Long.toString(files.maxBytes()), Long.toString(MEMORY_BYTES),
        GraalPyExecutor.deadlineMessage(limits),
        "Output limit of " + limits.maxOutputBytes() + " bytes reached: output truncated and execution stopped.\n"));
    return new CPythonZygote(command, workers + " CPython zygotes under bubblewrap (" + venv + ")");
  }

  private static void addSystemDirectory(List<String> command, Path top) {
    try {
      if (Files.isSymbolicLink(top)) {
        command.addAll(List.of("--symlink", Files.readSymbolicLink(top).toString(), top.toString()));
      } else if (Files.isDirectory(top)) {
        command.addAll(List.of("--ro-bind", top.toString(), top.toString()));
      }
    } catch (IOException unreadable) {
      // Left out: a system without it runs Python from /usr alone.
    }
  }

  /** Why the sandbox cannot be built here, or empty when it can. */
  static Optional<String> unavailability() {
    Path bwrap = bwrap();
    if (bwrap == null) {
      return Optional.of("bubblewrap (bwrap) is not installed");
    }
    if (!Files.isExecutable(venv().resolve("bin/python3"))) {
      return Optional.of("the library set is not built (" + venv() + " is missing)");
    }
    try {
      Process probe = new ProcessBuilder(bwrap.toString(), "--unshare-all", "--unshare-user", "--die-with-parent",
          "--ro-bind", "/", "/", "true").redirectErrorStream(true).start();
      String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        return Optional.of("bubblewrap cannot create namespaces here (" + said + "); unprivileged user namespaces"
            + " may be turned off (sysctl kernel.unprivileged_userns_clone=1, or an AppArmor profile for bwrap)");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("bubblewrap did not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while checking bubblewrap");
    }
  }

  static Path bwrap() {
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/local/bin"));
    if (path != null) {
      dirs.addAll(0, List.of(path.split(java.io.File.pathSeparator)));
    }
    return dirs.stream().map(dir -> Path.of(dir, "bwrap")).filter(Files::isExecutable).findFirst().orElse(null);
  }

  /**
   * The project's {@code .venv-sandbox}: beside {@code target/} of the build tree this class was
   * loaded from, else in the working directory; the system property {@code gememu.cpython.venv} overrides.
   */
  static Path venv() {
    String override = System.getProperty("gememu.cpython.venv");
    if (override != null) {
      return Path.of(override).toAbsolutePath();
    }
    try {
      Path classes = Path.of(CPythonZygote.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = classes.getParent().getParent().resolve(".venv-sandbox");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException notFromTheBuildTree) {
      // Fall through to the working directory.
    }
    return Path.of(".venv-sandbox").toAbsolutePath();
  }

  /**
   * Top-level modules of the venv's site-packages that GraalPy's {@code python-libs} lacks: the
   * imports that send a snippet to CPython in {@code auto}.
   */
  static Set<String> modulesOnlyCPythonHas(FilesystemPolicy files) {
    Set<String> modules = topLevelModules(sitePackages());
    if (files.pythonLibs() != null) {
      modules.removeAll(topLevelModules(files.pythonLibs()));
    }
    modules.removeAll(Set.of("pip", "setuptools", "pkg_resources", "_distutils_hack", "distutils", "__pycache__"));
    return modules;
  }

  private static Path sitePackages() {
    try (Stream<Path> versions = Files.list(venv().resolve("lib"))) {
      return versions.map(version -> version.resolve("site-packages")).filter(Files::isDirectory).findFirst()
          .orElse(venv().resolve("lib"));
    } catch (IOException noVenv) {
      return venv().resolve("lib");
    }
  }

  private static Set<String> topLevelModules(Path directory) {
    Set<String> modules = new HashSet<>();
    try (Stream<Path> entries = Files.list(directory)) {
      entries.map(entry -> entry.getFileName().toString())
          .filter(name -> !name.endsWith(".dist-info") && !name.endsWith(".egg-info") && !name.endsWith(".pth"))
          .map(name -> name.contains(".") ? name.substring(0, name.indexOf('.')) : name)
          .filter(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*"))
          .forEach(modules::add);
    } catch (IOException unreadable) {
      // No modules from here.
    }
    return modules;
  }

  private static String zygoteSource() {
    return RunnerScripts.withGeminiTraceback("cpython_zygote.py");
  }

  @Override
  public Process start() throws IOException {
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
  }

  @Override
  public String describe() {
    return description;
  }

  List<String> command() {
    return command;
  }
}
