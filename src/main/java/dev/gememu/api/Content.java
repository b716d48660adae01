package dev.gememu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One turn of a conversation: a role ({@code user} or {@code model}) and its parts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"parts", "role"})
public record Content(List<Part> parts, String role) {
  public Content {
    parts = parts == null ? null : List.copyOf(parts);
  }

  public static Content model(List<Part> parts) {
    return new Content(parts, "model");
  }

  /** The role, with a missing role on a request turn meaning {@code user} as Google reads it. */
  public String effectiveRole() {
    return role == null || role.isEmpty() ? "user" : role;
  }

  /** All text parts joined with newlines, ignoring thoughts. */
  public String joinedText() {
    if (parts == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part.text() != null && !Boolean.TRUE.equals(part.thought())) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(part.text());
      }
    }
    return text.toString();
  }
}
