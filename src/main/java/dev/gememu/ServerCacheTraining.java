package dev.gememu;

import dev.gememu.config.ServerConfig;
import dev.gememu.executor.ExecutionRequest;
import dev.gememu.executor.ExecutionResult;
import dev.gememu.executor.PythonExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The workload {@code bin/gememu --train-server-cache} runs under {@code -XX:AOTCacheOutput} (JDK 25+):
 * the command line parsed as {@link Main} parses it (picocli's classes too, which is why the build
 * recompiles picocli for Java 17: the cache cannot hold its Java 5 class files), a fixture directory
 * loaded, and a server on a free loopback port answering the requests every session starts with
 * (model list, a fixture reply, token count, a malformed body, an unknown route), so the server JVM
 * of later runs finds those classes already loaded and linked. Whatever the cache holds is loaded
 * at every start, so the workload brings in nothing a server does not use: no Python runs (code runs
 * in worker processes, which have their own cache) and the requests go over a plain socket, not
 * the JDK's HTTP client.
 */
public final class ServerCacheTraining {
  private static final String FIXTURE = """
      match:
        lastUserText:
          contains: cache training
      reply:
        - text: Trained.
      """;
  private static final String PROMPT = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"cache training\"}]}]}";

  private ServerCacheTraining() {}

  public static void main(String[] args) throws IOException {
    Path fixtures = Files.createTempDirectory("gememu-cache-training");
    fixtures.toFile().deleteOnExit();
    Path fixture = Files.writeString(fixtures.resolve("training.yaml"), FIXTURE);
    fixture.toFile().deleteOnExit();
    // The command serves until the JVM stops; the workload ends the JVM itself once it is done.
    Main.commandLine(ServerCacheTraining::serveWorkload).execute("--port", "0", "--fixtures", fixtures.toString());
    throw new IllegalStateException("the training workload did not run");
  }

  private static AutoCloseable serveWorkload(ServerConfig config) {
    try (Gememu gememu = new GememuBuilder().config(ignored -> config).executor(new NoCode()).start()) {
      for (int round = 0; round < 20; round++) {
        send(gememu.port(), "GET", "/v1beta/models", null);
        send(gememu.port(), "POST", "/v1beta/models/gemini-2.5-flash:generateContent", PROMPT);
        send(gememu.port(), "POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", PROMPT);
        send(gememu.port(), "POST", "/v1beta/models/gemini-2.5-flash:countTokens", PROMPT);
        send(gememu.port(), "POST", "/v1beta/models/gemini-2.5-flash:generateContent", "{\"contents\": [{");
        send(gememu.port(), "GET", "/v1beta/nothing", null);
        send(gememu.port(), "GET", "/__gememu/journal", null);
      }
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    System.exit(0);
    return null;
  }

  /** One HTTP/1.1 exchange on its own connection, the answer read to its end. */
  private static void send(int port, String method, String path, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-goog-api-key: cache-training\r\n"
          + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      InputStream in = socket.getInputStream();
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** The training sends no code; a server's snippets run in worker processes. */
  private static final class NoCode implements PythonExecutor {
    @Override
    public ExecutionResult execute(ExecutionRequest request) {
      throw new UnsupportedOperationException("the cache training runs no code");
    }

    @Override
    public String describe() {
      return "no code execution (cache training)";
    }

    @Override
    public void close() {
      // nothing to stop
    }
  }
}
