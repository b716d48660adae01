package dev.gememu.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stand-in for Google's endpoint on loopback, answering as Google does byte for byte: pretty JSON
 * with a trailing newline, SSE events separated by {@code \r\n\r\n} and flushed one by one, a
 * Gemini 3 stream whose last event is an empty text with a signature, a 429 with {@code RetryInfo},
 * and an in-band stream error. It keeps every chunk it sent and every API key it was given.
 */
public final class FakeGoogle implements AutoCloseable {
  public static final String GENERATE = """
      {
        "candidates": [
          {
            "content": {
              "parts": [
                {
                  "text": "I will add the numbers from 0 to 9 with Python.\\n"
                },
                {
                  "executableCode": {
                    "language": "PYTHON",
                    "code": "print(sum(range(10)))\\n"
                  }
                },
                {
                  "codeExecutionResult": {
                    "outcome": "OUTCOME_OK",
                    "output": "45\\n"
                  }
                },
                {
                  "text": "The sum is 45 \\u003c 50."
                }
              ],
              "role": "model"
            },
            "finishReason": "STOP",
            "index": 0
          }
        ],
        "usageMetadata": {
          "promptTokenCount": 21,
          "candidatesTokenCount": 40,
          "totalTokenCount": 230,
          "toolUsePromptTokenCount": 99,
          "thoughtsTokenCount": 70
        },
        "modelVersion": "gemini-2.5-flash",
        "responseId": "fAkEgOoGlEiD0nE"
      }
      """;

  /** A Gemini 3 stream: text, code (with an empty text part), result, text, and an empty signed text last. */
  public static final List<String> GEMINI3_EVENTS = List.of(
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Let me compute\"}],\"role\": \"model\"},\"index\": 0}],"
          + "\"usageMetadata\": {\"promptTokenCount\": 12,\"totalTokenCount\": 12},\"modelVersion\": \"gemini-3-flash-preview\","
          + "\"responseId\": \"g3StReAm\"}",
      "{\"candidates\": [{\"content\": {\"parts\": [{\"executableCode\": {\"id\": \"h0mwtrhs\",\"language\": \"PYTHON\","
          + "\"code\": \"print(2 ** 10)\\n\"},\"thoughtSignature\": \"c2lnbmF0dXJlLTE=\"},{\"text\": \"\"}],\"role\": \"model\"},"
          + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 12,\"totalTokenCount\": 30},"
          + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"g3StReAm\"}",
      "{\"candidates\": [{\"content\": {\"parts\": [{\"codeExecutionResult\": {\"id\": \"h0mwtrhs\",\"outcome\": \"OUTCOME_OK\","
          + "\"output\": \"1024\\n\"}}],\"role\": \"model\"}}],\"usageMetadata\": {\"promptTokenCount\": 12,\"totalTokenCount\": 30},"
          + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"g3StReAm\"}",
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" that: 2 to the 10th is 1024.\"}],\"role\": \"model\"},"
          + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 12,\"totalTokenCount\": 52,\"toolUsePromptTokenCount\": 40},"
          + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"g3StReAm\"}",
      "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"\",\"thoughtSignature\": \"c2lnbmF0dXJlLTI=\"}],"
          + "\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 12,"
          + "\"candidatesTokenCount\": 20,\"totalTokenCount\": 60,\"toolUsePromptTokenCount\": 40},"
          + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"g3StReAm\"}");

  public static final String QUOTA = """
      {
        "error": {
          "code": 429,
          "message": "You exceeded your current quota, please check your plan and billing details.",
          "status": "RESOURCE_EXHAUSTED",
          "details": [
            {
              "@type": "type.googleapis.com/google.rpc.RetryInfo",
              "retryDelay": "34s"
            }
          ]
        }
      }
      """;

  static final String IN_BAND_ERROR = "{\"error\": {\"code\": 500,\"message\": \"An internal error has occurred.\","
      + "\"status\": \"INTERNAL\"}}";

  private final HttpServer server;
  private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

  private FakeGoogle(HttpServer server) {
    this.server = server;
  }

  public static FakeGoogle start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeGoogle google = new FakeGoogle(server);
      server.createContext("/", google::handle);
      server.start();
      return google;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every response chunk sent so far, in order (each SSE event, array element, or whole body). */
  public List<String> sent() {
    return List.copyOf(sent);
  }

  /** The API keys requests carried (header or query), in order. */
  public List<String> keys() {
    return List.copyOf(keys);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
    keys.add(key != null ? key : query.replaceAll(".*key=([^&]*).*", "$1"));
    String path = exchange.getRequestURI().getPath();
    if (body.contains("quota")) {
      whole(exchange, 429, QUOTA);
    } else if (path.endsWith(":streamGenerateContent") && query.contains("alt=sse")) {
      events(exchange, "text/event-stream", sseEvents(body.contains("broken")));
    } else if (path.endsWith(":streamGenerateContent")) {
      events(exchange, "application/json; charset=UTF-8", arrayChunks());
    } else if (path.endsWith(":countTokens")) {
      whole(exchange, 200, "{\n  \"totalTokens\": 7\n}\n");
    } else if (path.endsWith("/models")) {
      whole(exchange, 200, "{\n  \"models\": [\n    {\n      \"name\": \"models/gemini-2.5-flash\"\n    }\n  ]\n}\n");
    } else {
      whole(exchange, 200, GENERATE);
    }
  }

  private static List<String> sseEvents(boolean broken) {
    List<String> events = new ArrayList<>();
    for (String event : broken ? GEMINI3_EVENTS.subList(0, 1) : GEMINI3_EVENTS) {
      events.add("data: " + event + "\r\n\r\n");
    }
    if (broken) {
      events.add("data: " + IN_BAND_ERROR + "\r\n\r\n");
    }
    return events;
  }

  /** The JSON-array form, with elements laid out unlike gememu's own writer, to prove they are relayed untouched. */
  private static List<String> arrayChunks() {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < GEMINI3_EVENTS.size(); i++) {
      chunks.add((i == 0 ? "[" : ",\r\n") + GEMINI3_EVENTS.get(i).replace(",\"", ",\n  \""));
    }
    chunks.add("]");
    return chunks;
  }

  private void whole(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
    sent.add(body);
  }

  private void events(HttpExchange exchange, String contentType, List<String> chunks) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (contentType.startsWith("text/event-stream")) {
      exchange.getResponseHeaders().set("Content-Disposition", "attachment");
    }
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (String chunk : chunks) {
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
        sent.add(chunk);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
