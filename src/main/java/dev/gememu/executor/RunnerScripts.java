package dev.gememu.executor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Python scripts that run snippets, each with gemini_traceback.py (Gemini's error layout) put ahead of it. */
final class RunnerScripts {
  private RunnerScripts() {}

  static String withGeminiTraceback(String script) {
    return resource("gemini_traceback.py") + "\n\n" + resource(script);
  }

  private static String resource(String name) {
    try (InputStream in = RunnerScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from gememu's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + name, e);
    }
  }
}
