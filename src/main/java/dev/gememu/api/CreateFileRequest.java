package dev.gememu.api;

/** The body of an upload's start request: {@code {"file": {...}}}, the file's metadata, all optional. */
public record CreateFileRequest(File file) {
  public CreateFileRequest {
    file = file == null ? File.empty() : file;
  }
}
