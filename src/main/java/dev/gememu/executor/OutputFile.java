package dev.gememu.executor;

/**
 * A file a run produced for the caller, e.g. a matplotlib figure rendered as PNG.
 *
 * @param name a plain file name, e.g. {@code figure_1.png}
 * @param mimeType e.g. {@code image/png}
 * @param bytes the contents
 */
public record OutputFile(String name, String mimeType, byte[] bytes) {

  public OutputFile {
    if (name == null || mimeType == null || bytes == null) {
      throw new IllegalArgumentException("an output file needs a name, a MIME type and bytes");
    }
  }
}
