package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One piece of a {@link Content}. Flat like the proto oneof on the wire: exactly one data field is
 * set, with {@code thought} and {@code thoughtSignature} as optional siblings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode",
  "codeExecutionResult", "thought", "thoughtSignature"
})
public record Part(
    String text,
    Blob inlineData,
    FileData fileData,
    FunctionCall functionCall,
    FunctionResponse functionResponse,
    ExecutableCode executableCode,
    CodeExecutionResult codeExecutionResult,
    Boolean thought,
    String thoughtSignature,
    VideoMetadata videoMetadata,
    JsonNode mediaResolution,
    JsonNode partMetadata,
    JsonNode toolCall,
    JsonNode toolResponse,
    JsonNode audioTranscription,
    JsonNode mediaProcessing,
    JsonNode speechMetadata) {

  public static Part text(String text) {
    return ofData(text, null, null, null);
  }

  public static Part code(ExecutableCode code) {
    return ofData(null, null, code, null);
  }

  public static Part result(CodeExecutionResult result) {
    return ofData(null, null, null, result);
  }

  public static Part inline(Blob blob) {
    return ofData(null, blob, null, null);
  }

  /** A {@code functionCall} part; the arguments are written as the JSON object they map to. */
  public static Part functionCall(String name, java.util.Map<String, Object> args) {
    FunctionCall call = new FunctionCall(null, name,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.pojoNode(args), null, null);
    return new Part(null, null, null, call, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  /** A part with one of the data fields gememu produces, and nothing else. */
  private static Part ofData(String text, Blob inlineData, ExecutableCode code, CodeExecutionResult result) {
    return new Part(text, inlineData, null, null, null, code, result,
        null, null, null, null, null, null, null, null, null, null);
  }

  /** A copy of this part marked as a thought. */
  public Part asThought() {
    return new Part(text, inlineData, fileData, functionCall, functionResponse, executableCode,
        codeExecutionResult, true, thoughtSignature, videoMetadata, mediaResolution, partMetadata,
        toolCall, toolResponse, audioTranscription, mediaProcessing, speechMetadata);
  }

  /** A copy of this part carrying the given thought signature. */
  public Part withThoughtSignature(String signature) {
    return new Part(text, inlineData, fileData, functionCall, functionResponse, executableCode,
        codeExecutionResult, thought, signature, videoMetadata, mediaResolution, partMetadata,
        toolCall, toolResponse, audioTranscription, mediaProcessing, speechMetadata);
  }

  /**
   * True when the part holds nothing Google takes alone: no data field, no {@code thoughtSignature} (a
   * Gemini 3 model turn echoed back ends with a part holding only its signature) and no
   * {@code videoMetadata} (sent beside the video it describes).
   */
  public boolean holdsNothing() {
    return hasNoData() && thoughtSignature == null && videoMetadata == null;
  }

  /** True when no data field is set. */
  public boolean hasNoData() {
    return text == null && inlineData == null && fileData == null && functionCall == null
        && functionResponse == null && executableCode == null && codeExecutionResult == null
        && toolCall == null && toolResponse == null;
  }
}
