package dev.gememu.executor;

import java.util.Map;

/**
 * One snippet to run, with the files to place in its working directory first (e.g.
 * {@code input_file_0.csv}, as Gemini names uploaded inputs).
 *
 * @param code Python source
 * @param files plain file names to contents; empty for none
 * @param interpreter which Python must run it, or null for the server's choice
 */
public record ExecutionRequest(String code, Map<String, byte[]> files, Interpreter interpreter) {

  public ExecutionRequest {
    if (code == null) {
      throw new IllegalArgumentException("code must not be null");
    }
    files = files == null ? Map.of() : Map.copyOf(files);
  }

  public ExecutionRequest(String code, Map<String, byte[]> files) {
    this(code, files, null);
  }

  public static ExecutionRequest of(String code) {
    return new ExecutionRequest(code, Map.of());
  }

  public ExecutionRequest withInterpreter(Interpreter newInterpreter) {
    return new ExecutionRequest(code, files, newInterpreter);
  }
}
