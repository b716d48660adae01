package dev.gememu.model;

import dev.gememu.api.Content;
import dev.gememu.api.ModalityTokenCount;
import dev.gememu.api.Part;
import dev.gememu.api.UsageMetadata;
import java.util.List;

/**
 * Deterministic token estimates: one token per started 4 characters of each text, code or output
 * string, and a flat 258 tokens per inline or file attachment (Gemini's per-image figure).
 */
public final class TokenEstimator {
  private static final int CHARS_PER_TOKEN = 4;
  private static final int TOKENS_PER_ATTACHMENT = 258;

  /** Tokens of a prompt: its turns plus the system instruction. */
  public int promptTokens(List<Content> contents, Content systemInstruction) {
    return countContents(contents) + countContent(systemInstruction);
  }

  public int countContents(List<Content> contents) {
    if (contents == null) {
      return 0;
    }
    int total = 0;
    for (Content content : contents) {
      total += countContent(content);
    }
    return total;
  }

  public int countContent(Content content) {
    if (content == null || content.parts() == null) {
      return 0;
    }
    return countParts(content.parts());
  }

  public int countParts(List<Part> parts) {
    int total = 0;
    for (Part part : parts) {
      total += countPart(part);
    }
    return total;
  }

  private int countPart(Part part) {
    if (part == null) {
      return 0;
    }
    int tokens = textTokens(part.text());
    if (part.executableCode() != null) {
      tokens += textTokens(part.executableCode().code());
    }
    if (part.codeExecutionResult() != null) {
      tokens += textTokens(part.codeExecutionResult().output());
    }
    if (part.inlineData() != null || part.fileData() != null) {
      tokens += TOKENS_PER_ATTACHMENT;
    }
    if (part.functionCall() != null || part.functionResponse() != null) {
      tokens += textTokens(String.valueOf(part.functionCall()) + part.functionResponse());
    }
    return tokens;
  }

  static int textTokens(String text) {
    return text == null || text.isEmpty() ? 0 : (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  /**
   * Usage of one reply: candidates are the non-thought parts; thoughts are counted apart; when code
   * ran, the model re-read the prompt plus the code and results, counted as tool-use prompt.
   */
  public UsageMetadata usage(int promptTokens, List<Part> replyParts) {
    int candidates = 0;
    int thoughts = 0;
    int toolUse = 0;
    for (Part part : replyParts) {
      int tokens = countPart(part);
      if (Boolean.TRUE.equals(part.thought())) {
        thoughts += tokens;
      } else {
        candidates += tokens;
      }
      if (part.executableCode() != null || part.codeExecutionResult() != null) {
        toolUse += tokens;
      }
    }
    Integer toolUsePrompt = toolUse == 0 ? null : promptTokens + toolUse;
    int total = promptTokens + candidates + thoughts + (toolUsePrompt == null ? 0 : toolUsePrompt);
    return new UsageMetadata(promptTokens, candidates, total, null,
        List.of(ModalityTokenCount.text(promptTokens)),
        thoughts == 0 ? null : thoughts,
        toolUsePrompt,
        toolUsePrompt == null ? null : List.of(ModalityTokenCount.text(toolUsePrompt)));
  }
}
