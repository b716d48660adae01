package dev.gememu.testing;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program written against an official SDK (a Node script, a Python script, a Go binary), run the way
 * its users would run it: {@code <command…> <baseUrl> <scenario>}, printing a last line
 * {@code {"ok": …, "result"|"error": …}}.
 *
 * @param command the program and its leading arguments, e.g. {@code [node, genai.mjs]}
 * @param directory where it runs
 * @param environment variables added to its environment
 */
public record ClientProgram(List<String> command, Path directory, Map<String, String> environment) {
  private static final long TIMEOUT_SECONDS = 120;

  public ClientProgram {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  public ClientProgram(List<String> command, Path directory) {
    this(command, directory, Map.of());
  }

  /** The parsed last line of the program run against {@code baseUrl} for {@code scenario}. */
  public JsonNode run(String baseUrl, String scenario) {
    List<String> full = new ArrayList<>(command);
    full.add(baseUrl);
    full.add(scenario);
    Output output = exec(full, directory, environment);
    String out = output.stdout().strip();
    String lastLine = out.substring(out.lastIndexOf('\n') + 1);
    JsonNode answer = output.exitCode() == 0 && lastLine.startsWith("{") ? RawHttp.tree(lastLine) : null;
    if (answer == null || !answer.has("ok")) {
      fail(label(scenario) + " exited with " + output.exitCode() + "; stdout:\n" + out + "\nstderr:\n" + output.stderr());
    }
    return answer;
  }

  /** The result of a scenario that must succeed. */
  public JsonNode result(String baseUrl, String scenario) {
    JsonNode answer = run(baseUrl, scenario);
    if (!answer.path("ok").asBoolean()) {
      fail(label(scenario) + " failed: " + answer.path("error").toPrettyString());
    }
    return answer.path("result");
  }

  /** The error of a scenario that must fail. */
  public JsonNode error(String baseUrl, String scenario) {
    JsonNode answer = run(baseUrl, scenario);
    if (answer.path("ok").asBoolean()) {
      fail(label(scenario) + " was expected to fail but returned " + answer.path("result"));
    }
    return answer.path("error");
  }

  private String label(String scenario) {
    return environment + " " + String.join(" ", command) + " " + scenario;
  }

  /** What a finished process printed. */
  public record Output(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} in {@code directory} without the developer's {@code GOOGLE_*} and
   * {@code GEMINI_*} variables (a Vertex switch, a base URL or a key must not steer the SDKs).
   */
  public static Output exec(List<String> command, Path directory) {
    return exec(command, directory, Map.of());
  }

  /** {@link #exec(List, Path)} with {@code environment} added, e.g. a base URL for an SDK to read. */
  public static Output exec(List<String> command, Path directory, Map<String, String> environment) {
    try {
      Path stdout = Files.createTempFile("gememu-client-", ".out");
      Path stderr = Files.createTempFile("gememu-client-", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GOOGLE_") || name.startsWith("GEMINI_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s; stderr:\n" + Files.readString(stderr));
        }
        return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
