package dev.gememu.recording;

import java.util.stream.Stream;
import java.util.Objects;
import java.net.URLDecoder;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gememu.api.GenerateContentRequest;
import dev.gememu.api.ModelCall;
import dev.gememu.fixtures.Answer;
import dev.gememu.fixtures.CanonicalRequest;
import dev.gememu.api.ApiException;
import dev.gememu.fixtures.FileRule;
import dev.gememu.fixtures.Fixture;
import dev.gememu.fixtures.FixtureStore;
import dev.gememu.fixtures.Match;
import dev.gememu.fixtures.ReplyStep;
import dev.gememu.fixtures.WireRecording;
import dev.gememu.model.InputFiles;
import dev.gememu.model.UpstreamRequest;
import dev.gememu.server.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an answered model call into a fixture file: matched by the canonical request, answered by
 * the wire answer as recorded plus the same answer as steps, named after the test that made it
 * (the test header) or after the model and prompt. A {@code countTokens}, models get or models
 * list answer becomes a fixture whose {@code match.method} names the call, holding only the wire
 * answer; gememu serves it to the same call instead of answering itself.
 */
final class Recorder {
  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
  private static final int SLUG_LENGTH = 40;

  private final ObjectMapper lenient = JsonMapper.create().copy()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Path directory;
  private final FixtureWriter writer;
  private final FixtureStore fixtures;
  private final String testHeader;
  private final String upstream;
  private final InputFiles inputFiles;

  Recorder(Path directory, FixtureWriter writer, FixtureStore fixtures, String testHeader, String upstream,
      InputFiles inputFiles) {
    this.inputFiles = inputFiles;
    this.directory = directory;
    this.writer = writer;
    this.fixtures = fixtures;
    this.testHeader = testHeader.toLowerCase(Locale.ROOT);
    this.upstream = upstream;
  }

  void record(UpstreamRequest request, WireRecording wire) {
    ModelCall call = request.call();
    if (call == null || call.method() == ModelCall.Method.COUNT_TOKENS) {
      recordCall(request, wire);
      return;
    }
    GenerateContentRequest parsed;
    try {
      parsed = lenient.readValue(request.body(), GenerateContentRequest.class);
    } catch (Exception unreadable) {
      LOG.warn("Not recorded: the request to {} is not a GenerateContentRequest ({})", request.path(),
          unreadable.getMessage());
      return;
    }
    Fixture fixture = Fixture.of(null, "Recorded from " + upstream + " (" + call.method().verb() + ")", null,
        Match.recorded(call.model(), parsed, fileRules(parsed)), List.of(Answer.recorded(wire.status() == 200 ? steps(wire) : List.of(), wire)));
    Path file = writer.write(directory, name(request, call, parsed), fixture);
    LOG.info("Recorded {} {} -> {}", call.model(), call.method().verb(), file);
    fixtures.reloadIfChanged();
  }

  /** Records a countTokens, models get or models list answer, matched by the call, its model and its request. */
  private void recordCall(UpstreamRequest request, WireRecording wire) {
    ModelCall call = request.call();
    String[] segments = request.path().split("/"); // "", version, "models", [model]
    String method;
    String model;
    JsonNode canonical;
    if (call != null) {
      method = "countTokens";
      model = call.model();
      try {
        canonical = CanonicalRequest.ofCountTokens(lenient.readTree(request.body()));
      } catch (Exception unreadable) {
        LOG.warn("Not recorded: the countTokens request to {} is not JSON", request.path());
        return;
      }
    } else if (segments.length == 3) {
      method = "models.list";
      model = null;
      Map<String, String> query = query(request.query());
      canonical = CanonicalRequest.ofModelsList(query.get("pageSize"), query.get("pageToken"));
    } else {
      method = "models.get";
      model = segments[segments.length - 1];
      canonical = null;
    }
    Fixture fixture = Fixture.of(null, "Recorded from " + upstream + " (" + method + ")", null,
        Match.recordedCall(method, model, canonical), List.of(Answer.recorded(List.of(), wire)));
    String test = request.headers().get(testHeader);
    String name = test != null && !safeName(test).isEmpty() ? safeName(test) + "-" + method
        : method + (model == null ? "" : "-" + slug(model))
            + (canonical == null || canonical.isEmpty() ? "" : "-" + hash(canonical));
    Path file = writer.write(directory, name, fixture);
    LOG.info("Recorded {} {} -> {}", method, model == null ? "" : model, file);
    fixtures.reloadIfChanged();
  }

  private static Map<String, String> query(String query) {
    Map<String, String> parameters = new TreeMap<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /**
   * When the request names uploaded files, whose ids change with every upload, each of its files by
   * content: MIME type, size and SHA-256 (hex, as {@code sha256sum} prints it).
   */
  private List<FileRule> fileRules(GenerateContentRequest request) {
    if (!uploaded(request)) {
      return List.of();
    }
    List<InputFiles.InputFile> inputs;
    try {
      inputs = inputFiles.of(request);
    } catch (ApiException gone) {
      return List.of();
    }
    return inputs.stream().map(file -> new FileRule(file.mimeType(), null, file.sizeBytes(),
        FileRule.hex(file.sha256()))).toList();
  }

  private static boolean uploaded(GenerateContentRequest request) {
    return request.contents() != null && request.contents().stream().filter(Objects::nonNull)
        .flatMap(content -> content.parts() == null ? Stream.empty() : content.parts().stream())
        .anyMatch(part -> part != null && part.fileData() != null
            && InputFiles.uploadedId(part.fileData().fileUri()).isPresent());
  }

  private String name(UpstreamRequest request, ModelCall call, GenerateContentRequest parsed) {
    String test = request.headers().get(testHeader);
    if (test != null && !safeName(test).isEmpty()) {
      return safeName(test);
    }
    String slug = slug(parsed.contents() == null ? "" : parsed.lastUserText());
    return slug(call.model()) + (slug.isEmpty() ? "" : "-" + slug) + "-" + hash(CanonicalRequest.of(parsed));
  }

  /** Path segments of letters, digits, '.', '_' and '-', each starting with a letter or digit; nothing else. */
  static String safeName(String text) {
    List<String> segments = new ArrayList<>();
    for (String segment : text.split("/")) {
      String safe = segment.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
      if (!safe.isEmpty()) {
        segments.add(safe);
      }
    }
    return String.join("/", segments);
  }

  static String slug(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
    return slug.length() <= SLUG_LENGTH ? slug : slug.substring(0, SLUG_LENGTH).replaceAll("[-.]+$", "");
  }

  private static String hash(JsonNode canonical) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean isEmptyText(JsonNode part) {
    return part.size() == 1 && part.has("text") && part.get("text").asText().isEmpty();
  }

  /** The answer's parts as fixture steps: text, thoughts, code with its recorded output, inline data, function calls. */
  static List<ReplyStep> steps(WireRecording wire) {
    JsonNode answer = WireForms.assemble(WireForms.values(wire.framing(), wire.body(), wire.events()));
    JsonNode parts = answer.path("candidates").path(0).path("content").path("parts");
    List<ReplyStep> steps = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      JsonNode part = parts.get(i);
      String signature = part.hasNonNull("thoughtSignature") ? part.get("thoughtSignature").asText() : null;
      if (part.has("executableCode")) {
        StringBuilder output = new StringBuilder();
        // Gemini 3 streams an empty text part along with the code, ahead of the result.
        while (i + 1 < parts.size() && (parts.get(i + 1).has("codeExecutionResult") || isEmptyText(parts.get(i + 1)))) {
          output.append(parts.get(++i).path("codeExecutionResult").path("output").asText(""));
        }
        steps.add(new ReplyStep(null, null, part.path("executableCode").path("code").asText(), output.toString(),
            null, null, null, null, signature));
      } else if (part.has("text") && part.path("thought").asBoolean(false)) {
        steps.add(new ReplyStep(null, part.get("text").asText(), null, null, null, null, null, null, signature));
      } else if (part.has("text") && !part.get("text").asText().isEmpty()) {
        steps.add(new ReplyStep(part.get("text").asText(), null, null, null, null, null, null, null, signature));
      } else if (part.has("inlineData")) {
        steps.add(new ReplyStep(null, null, null, null, null, new ReplyStep.InlineData(
            part.path("inlineData").path("mimeType").asText(), part.path("inlineData").path("data").asText()),
            null, null, signature));
      } else if (part.has("functionCall")) {
        Map<String, Object> args = WireForms.toMap(part.path("functionCall").path("args"));
        steps.add(new ReplyStep(null, null, null, null, null, null, null,
            new ReplyStep.FunctionCall(part.path("functionCall").path("name").asText(), args), signature));
      }
    }
    return steps;
  }
}
