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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stand-in for Google's endpoint on loopback, answering as Google does byte for byte: pretty JSON
 * with a trailing newline, SSE events separated by {@code \r\n\r\n} and flushed one by one, a
 * Gemini 3 stream whose last event is an empty text with a signature, a 429 with {@code RetryInfo},
 * and an in-band stream error. It takes uploads by Google's resumable protocol (an absolute
 * {@code x-goog-upload-url} on itself, then the bytes), and answers a request naming one of its files
 * with that file's text, so a test sees which file arrived. It keeps every chunk it sent, every
 * request and every API key it was given.
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

  /** A models get, as Google lays it out. */
  public static final String MODEL = """
      {
        "name": "models/gemini-2.5-flash",
        "version": "001",
        "displayName": "Gemini 2.5 Flash (as recorded)",
        "inputTokenLimit": 1048576,
        "outputTokenLimit": 65536,
        "supportedGenerationMethods": [
          "generateContent",
          "countTokens"
        ],
        "thinking": true
      }
      """;

  /** A key this fake refuses, as Google refuses an invalid one. */
  public static final String REFUSED_KEY = "AIzaFAKE-refused";

  static final String REFUSED = """
      {
        "error": {
          "code": 400,
          "message": "API key not valid. Please pass a valid API key.",
          "status": "INVALID_ARGUMENT"
        }
      }
      """;

  static final String IN_BAND_ERROR = "{\"error\": {\"code\": 500,\"message\": \"An internal error has occurred.\","
      + "\"status\": \"INTERNAL\"}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final AtomicInteger uploads = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  /** A request as it arrived: method, path with its query, the raw body. */
  public record Received(String method, String target, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private FakeGoogle(HttpServer server) {
    this.server = server;
  }

  public static FakeGoogle start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeGoogle google = new FakeGoogle(server);
      server.createContext("/", google::handle);
      server.setExecutor(google.handlers); // a stalled answer must not hold up the others
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

  /** Every request received, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The bytes of the files uploaded here, by name ({@code files/upstream-1}, …). */
  public Map<String, byte[]> files() {
    return Map.copyOf(files);
  }

  /** The API keys requests carried (header or query), in order. */
  public List<String> keys() {
    return List.copyOf(keys);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    String body = new String(bytes, StandardCharsets.UTF_8);
    String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), bytes));
    String key = exchange.getRequestHeaders().getFirst("x-goog-api-key");
    keys.add(key != null ? key : query.replaceAll(".*key=([^&]*).*", "$1"));
    String path = exchange.getRequestURI().getPath();
    String named = namedFile(body);
    if (path.startsWith("/upload/") && query.contains("upload_id=")) {
      finishUpload(exchange, query.replaceAll(".*upload_id=([^&]*).*", "$1"), bytes);
    } else if (path.startsWith("/upload/") && REFUSED_KEY.equals(key)) {
      whole(exchange, 400, REFUSED);
    } else if (path.startsWith("/upload/")) {
      startUpload(exchange);
    } else if (named != null) {
      whole(exchange, 200, fileAnswer(new String(files.get(named), StandardCharsets.UTF_8)));
    } else if (body.contains("stall") && path.endsWith(":streamGenerateContent")) {
      stall(exchange, "text/event-stream", "data: " + GEMINI3_EVENTS.get(0) + "\r\n\r\n");
    } else if (body.contains("stall")) {
      stall(exchange, "application/json; charset=UTF-8", GENERATE.substring(0, GENERATE.length() / 2));
    } else if (body.contains("quota")) {
      whole(exchange, 429, QUOTA);
    } else if (path.endsWith(":streamGenerateContent") && query.contains("alt=sse")) {
      events(exchange, "text/event-stream", sseEvents(body.contains("broken")));
    } else if (path.endsWith(":streamGenerateContent")) {
      events(exchange, "application/json; charset=UTF-8", arrayChunks());
    } else if (path.endsWith(":countTokens")) {
      whole(exchange, 200, "{\n  \"totalTokens\": 7\n}\n");
    } else if (path.matches("/v1[a-z0-9]*/models/[^:/]+")) {
      whole(exchange, 200, MODEL);
    } else if (path.endsWith("/models")) {
      whole(exchange, 200, "{\n  \"models\": [\n    {\n      \"name\": \"models/gemini-2.5-flash\"\n    }\n  ]\n}\n");
    } else {
      whole(exchange, 200, GENERATE);
    }
  }

  /** Ends the stalls of requests that asked for one ("stall" in the body); {@link #close()} does too. */
  public void release() {
    released.countDown();
  }

  /** Sends the start of an answer, then nothing until released. */
  private void stall(HttpExchange exchange, String contentType, String start) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(start.getBytes(StandardCharsets.UTF_8));
    out.flush();
    sent.add(start);
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  /** Start: an absolute upload URL on this server, as Google's upload service answers. */
  private void startUpload(HttpExchange exchange) throws IOException {
    String name = "files/upstream-" + uploads.incrementAndGet();
    exchange.getResponseHeaders().set("x-goog-upload-url", url() + "/upload/v1beta/files?upload_id=" + name.substring(6)
        + "&upload_protocol=resumable");
    exchange.getResponseHeaders().set("x-goog-upload-status", "active");
    exchange.getResponseHeaders().set("x-goog-upload-chunk-granularity", "8388608");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** The bytes, all in one finalizing chunk: the File resource. */
  private void finishUpload(HttpExchange exchange, String id, byte[] bytes) throws IOException {
    files.put("files/" + id, bytes);
    exchange.getResponseHeaders().set("x-goog-upload-status", "final");
    ObjectNode file = JSON.createObjectNode();
    ObjectNode resource = file.putObject("file");
    resource.put("name", "files/" + id);
    resource.put("mimeType", "text/csv");
    resource.put("sizeBytes", Integer.toString(bytes.length));
    resource.put("uri", url() + "/v1beta/files/" + id);
    resource.put("state", "ACTIVE");
    whole(exchange, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
  }

  /** The name of the file of ours a request names in a fileData part, or null. */
  private String namedFile(String body) {
    for (String name : files.keySet()) {
      if (body.contains(url() + "/v1beta/" + name + "\"")) {
        return name;
      }
    }
    return null;
  }

  /** An answer quoting the file it was asked about. */
  private static String fileAnswer(String content) throws IOException {
    ObjectNode answer = JSON.createObjectNode();
    ObjectNode candidate = answer.putArray("candidates").addObject();
    ObjectNode modelContent = candidate.putObject("content");
    modelContent.putArray("parts").addObject().put("text", "The file says: " + content);
    modelContent.put("role", "model");
    candidate.put("finishReason", "STOP");
    candidate.put("index", 0);
    answer.putObject("usageMetadata").put("promptTokenCount", 30).put("totalTokenCount", 45);
    answer.put("modelVersion", "gemini-2.5-flash");
    answer.put("responseId", "fIlEaNsWeR");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer) + "\n";
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
    release();
    server.stop(0);
    handlers.shutdownNow();
  }
}
