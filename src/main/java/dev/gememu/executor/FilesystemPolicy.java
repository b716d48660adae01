package dev.gememu.executor;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a snippet may see of files: its own in-memory tree of at most {@code maxBytes}, and the
 * pure-Python packages of {@code pythonLibs} (read-only; null when there are none).
 *
 * @param maxBytes capacity of each execution's writable in-memory filesystem
 * @param pythonLibs host directory mounted read-only on {@code sys.path}, or null
 */
public record FilesystemPolicy(long maxBytes, Path pythonLibs) {
  static final long DEFAULT_MAX_BYTES = 64L << 20;

  public FilesystemPolicy {
    if (maxBytes < 1 << 16) {
      throw new IllegalArgumentException("maxBytes must be at least 65536, was " + maxBytes);
    }
    if (pythonLibs != null && !Files.isDirectory(pythonLibs)) {
      throw new IllegalArgumentException("pythonLibs must be a directory, was " + pythonLibs);
    }
    pythonLibs = pythonLibs == null ? null : pythonLibs.toAbsolutePath().normalize();
  }

  /**
   * 64 MiB per execution and no packages: a directory of them is always named explicitly
   * ({@code --python-libs}, which {@code bin/gememu} sets to its {@code python-libs/}).
   */
  public static FilesystemPolicy defaults() {
    return new FilesystemPolicy(DEFAULT_MAX_BYTES, null);
  }

  public FilesystemPolicy withPythonLibs(Path newPythonLibs) {
    return new FilesystemPolicy(maxBytes, newPythonLibs);
  }

  public FilesystemPolicy withMaxBytes(long newMaxBytes) {
    return new FilesystemPolicy(newMaxBytes, pythonLibs);
  }
}
