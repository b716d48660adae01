package dev.gememu.files;

import java.time.Duration;

/**
 * Bounds on uploaded files. Google keeps a file 48 hours and takes files up to 2 GB; the total is
 * gememu's own bound, so the default in-memory store cannot exhaust the server's heap.
 *
 * @param maxFileBytes largest single file
 * @param maxTotalBytes all stored files together
 * @param retention how long a file lives after its upload
 */
public record FileLimits(long maxFileBytes, long maxTotalBytes, Duration retention) {
  public static final long GOOGLE_MAX_FILE_BYTES = 2L << 30;
  public static final long DEFAULT_MAX_TOTAL_BYTES = 512L << 20;
  public static final Duration GOOGLE_RETENTION = Duration.ofHours(48);

  public FileLimits {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + maxFileBytes);
    }
    if (maxTotalBytes < 1) {
      throw new IllegalArgumentException("maxTotalBytes must be at least 1, was " + maxTotalBytes);
    }
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive, was " + retention);
    }
  }

  public static FileLimits defaults() {
    return new FileLimits(GOOGLE_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, GOOGLE_RETENTION);
  }

  /** The largest file that can ever be stored: no file is larger than the total. */
  public long largestFile() {
    return Math.min(maxFileBytes, maxTotalBytes);
  }

  public FileLimits withMaxTotalBytes(long newMaxTotalBytes) {
    return new FileLimits(maxFileBytes, newMaxTotalBytes, retention);
  }

  public FileLimits withMaxFileBytes(long newMaxFileBytes) {
    return new FileLimits(newMaxFileBytes, maxTotalBytes, retention);
  }
}
