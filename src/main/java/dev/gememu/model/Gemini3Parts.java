package dev.gememu.model;

import dev.gememu.api.CodeExecutionResult;
import dev.gememu.api.ExecutableCode;
import dev.gememu.api.Language;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The shapes Gemini 3 gives code parts (seen in real recordings): the code and each of its results
 * carry one short {@code id}, and a result that printed nothing has no {@code output} at all.
 */
final class Gemini3Parts {
  private static final int ID_LENGTH = 8;

  private Gemini3Parts() {}

  /**
   * An id like Google's {@code h0mwtrhs}: 8 lowercase letters and digits, here a digest of the code
   * and its place in the reply, so the same reply always carries the same ids.
   */
  static String codeId(String code, int index) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("gememu-code-id:" + index + ":" + code).getBytes(StandardCharsets.UTF_8));
      String base36 = new BigInteger(1, digest).toString(36);
      return base36.substring(0, ID_LENGTH);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static ExecutableCode code(String code, String id) {
    return new ExecutableCode(Language.PYTHON, code, id);
  }

  /** The results with the code's id, and without an empty {@code output}. */
  static List<CodeExecutionResult> results(List<CodeExecutionResult> results, String id) {
    return results.stream()
        .map(r -> new CodeExecutionResult(r.outcome(), r.output() == null || r.output().isEmpty() ? null : r.output(), id))
        .toList();
  }
}
