package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of {@code generateContent} and {@code streamGenerateContent}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateContentRequest(
    String model,
    List<Content> contents,
    Content systemInstruction,
    List<Tool> tools,
    ToolConfig toolConfig,
    GenerationConfig generationConfig,
    List<SafetySetting> safetySettings,
    String cachedContent,
    JsonNode labels,
    JsonNode modelArmorConfig,
    String serviceTier,
    Boolean store,
    // Resumes a reply that ended with finishReason CONTINUATION; @google/genai and the AI SDK send it.
    String continuationToken) {

  public GenerateContentRequest {
    contents = contents == null ? null : List.copyOf(contents);
    tools = tools == null ? null : List.copyOf(tools);
    safetySettings = safetySettings == null ? null : List.copyOf(safetySettings);
  }

  public static GenerateContentRequest of(List<Content> contents, List<Tool> tools) {
    return new GenerateContentRequest(null, contents, null, tools, null, null, null, null, null, null, null, null, null);
  }

  /** Whether the request enables the code execution tool. */
  public boolean enablesCodeExecution() {
    return tools != null && tools.stream().anyMatch(tool -> tool.codeExecution() != null);
  }

  /** The last turn sent by the user, or null when there is none. */
  public Content lastUserTurn() {
    for (int i = contents.size() - 1; i >= 0; i--) {
      if ("user".equals(contents.get(i).effectiveRole())) {
        return contents.get(i);
      }
    }
    return null;
  }

  /** The text of the last user turn, or an empty string. */
  public String lastUserText() {
    Content turn = lastUserTurn();
    return turn == null ? "" : turn.joinedText();
  }
}
