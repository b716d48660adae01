package dev.gememu.files;

import java.nio.file.Path;

/**
 * Where uploaded files are kept and how much.
 *
 * @param dataDirectory directory that keeps files across restarts; null keeps them in memory
 * @param limits size and retention bounds
 */
public record FileSettings(Path dataDirectory, FileLimits limits) {
  public FileSettings {
    if (limits == null) {
      throw new IllegalArgumentException("file limits must not be null");
    }
  }

  public static FileSettings defaults() {
    return new FileSettings(null, FileLimits.defaults());
  }

  public FileSettings withDataDirectory(Path newDataDirectory) {
    return new FileSettings(newDataDirectory, limits);
  }

  public FileSettings withLimits(FileLimits newLimits) {
    return new FileSettings(dataDirectory, newLimits);
  }
}
