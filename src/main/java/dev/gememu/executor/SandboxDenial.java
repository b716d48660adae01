package dev.gememu.executor;

/**
 * Words a refusal of the sandbox the way Python would report it. Some refusals (sockets, processes,
 * threads) surface from GraalPy as host exceptions that guest code cannot catch; their Java text
 * ({@code PosixSupportLibrary$UnsupportedPosixFeatureException: socket was excluded}) would tell the
 * user nothing. GraalPy keeps no source location for them, so there is no traceback, only the line.
 */
final class SandboxDenial {
  private SandboxDenial() {}

  static String describe(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    return exceptionLine(message) + "\n";
  }

  private static String exceptionLine(String message) {
    if (message.contains("socket was excluded") || message.contains("getaddrinfo was excluded")) {
      return "PermissionError: [Errno 1] Operation not permitted: the sandbox has no network access";
    }
    if (message.contains("Process creation is not allowed")) {
      return "PermissionError: [Errno 1] Operation not permitted: the sandbox cannot start processes";
    }
    if (message.contains("Creating threads is not allowed")) {
      return "RuntimeError: can't start new thread: the sandbox does not allow threads";
    }
    if (message.contains("was excluded")) {
      String feature = message.substring(message.lastIndexOf(':') + 1).replace("was excluded", "").trim();
      return "PermissionError: [Errno 1] Operation not permitted: " + feature + " is not available in the sandbox";
    }
    return "SystemError: the sandbox stopped the code: " + message.substring(message.lastIndexOf(':') + 1).trim();
  }
}
