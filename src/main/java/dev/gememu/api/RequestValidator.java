package dev.gememu.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a parsed request the way Google does, with Google's messages. */
public final class RequestValidator {
  private RequestValidator() {}

  /**
   * Roles Google takes: {@code user} and {@code model}, and {@code function}, which older SDKs send
   * for function responses; a missing role is a user turn.
   */
  private static final Set<String> ROLES = Set.of("user", "model", "function");

  /** Throws {@code INVALID_ARGUMENT} listing every violation, one {@code * } line each. */
  public static void validate(String requestType, List<Content> contents) {
    if (contents != null && contents.stream().anyMatch(turn -> turn != null && !ROLES.contains(turn.effectiveRole()))) {
      throw ApiException.invalidRole();
    }
    List<String> violations = new ArrayList<>();
    if (contents == null || contents.isEmpty()) {
      violations.add(requestType + ".contents: contents is not specified");
    } else {
      for (int i = 0; i < contents.size(); i++) {
        checkTurn(requestType + ".contents[" + i + "]", contents.get(i), violations);
      }
    }
    if (!violations.isEmpty()) {
      StringBuilder message = new StringBuilder();
      violations.forEach(v -> message.append("* ").append(v).append('\n'));
      throw ApiException.invalidArgument(message.toString());
    }
  }

  private static void checkTurn(String path, Content turn, List<String> violations) {
    if (turn == null || turn.parts() == null || turn.parts().isEmpty()) {
      violations.add(path + ".parts: contents.parts must not be empty.");
      return;
    }
    for (int j = 0; j < turn.parts().size(); j++) {
      Part part = turn.parts().get(j);
      if (part == null || part.holdsNothing()) {
        violations.add(path + ".parts[" + j + "].data: required oneof field 'data' must have one initialized field");
      }
    }
  }
}
