package dev.gememu.executor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames a server and a worker process exchange over the worker's stdin and stdout: the worker
 * announces itself once (magic, protocol version, description), then answers one request with one
 * reply, in order. Every string and file is length-prefixed; a length past {@link #MAX_FRAME_BYTES}
 * is treated as a broken worker. Workers written in Python (the CPython zygote) speak it too, so any
 * change bumps {@link #VERSION} on both sides.
 */
final class WorkerProtocol {
  static final int READY = 0x47454d55;
  /** Version 2: replies carry output files. */
  static final int VERSION = 2;
  static final int MAX_FRAME_BYTES = 256 << 20;
  private static final int MAX_OUTPUT_FILES = 1000;
  private static final int MAX_NOISE_BYTES = 1 << 16;

  private WorkerProtocol() {}

  /** One answer of a worker: the result, and whether the worker must now be replaced. */
  record Reply(ExecutionResult result, boolean retiring) {}

  static void writeReady(DataOutputStream out, String description) throws IOException {
    out.writeInt(READY);
    out.writeInt(VERSION);
    writeString(out, description);
    out.flush();
  }

  /** Skips whatever a starting JVM may have printed to stdout before the worker announced itself. */
  static String readReady(DataInputStream in) throws IOException {
    int window = 0;
    for (int skipped = 0; skipped < MAX_NOISE_BYTES; skipped++) {
      window = (window << 8) | in.readUnsignedByte();
      if (window == READY && skipped >= 3) {
        int version = in.readInt();
        if (version != VERSION) {
          throw new IOException("worker speaks protocol version " + version + ", the server " + VERSION);
        }
        return readString(in);
      }
    }
    throw new IOException("worker did not announce itself");
  }

  static void writeRequest(DataOutputStream out, ExecutionRequest request) throws IOException {
    writeString(out, request.code());
    out.writeInt(request.files().size());
    for (Map.Entry<String, byte[]> file : request.files().entrySet()) {
      writeString(out, file.getKey());
      writeBytes(out, file.getValue());
    }
    out.flush();
  }

  static ExecutionRequest readRequest(DataInputStream in) throws IOException {
    String code = readString(in);
    int count = in.readInt();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      files.put(readString(in), readBytes(in));
    }
    return new ExecutionRequest(code, files);
  }

  static void writeReply(DataOutputStream out, Reply reply) throws IOException {
    ExecutionResult result = reply.result();
    writeString(out, result.outcome().name());
    writeString(out, result.stdout());
    writeString(out, result.stderr());
    out.writeBoolean(result.error() != null);
    if (result.error() != null) {
      writeString(out, result.error());
    }
    out.writeLong(result.elapsed() == null ? 0 : result.elapsed().toNanos());
    out.writeInt(result.files().size());
    for (OutputFile file : result.files()) {
      writeString(out, file.name());
      writeString(out, file.mimeType());
      writeBytes(out, file.bytes());
    }
    out.writeBoolean(reply.retiring());
    out.flush();
  }

  static Reply readReply(DataInputStream in) throws IOException {
    ExecutionOutcome outcome = readOutcome(in);
    String stdout = readString(in);
    String stderr = readString(in);
    String error = in.readBoolean() ? readString(in) : null;
    Duration elapsed = Duration.ofNanos(in.readLong());
    int count = in.readInt();
    if (count < 0 || count > MAX_OUTPUT_FILES) {
      throw new IOException(count + " output files is out of bounds");
    }
    List<OutputFile> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new OutputFile(readString(in), readString(in), readBytes(in)));
    }
    return new Reply(new ExecutionResult(outcome, stdout, stderr, error, elapsed, files), in.readBoolean());
  }

  private static ExecutionOutcome readOutcome(DataInputStream in) throws IOException {
    String name = readString(in);
    try {
      return ExecutionOutcome.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      throw new IOException("worker sent an unknown outcome " + name, unknown);
    }
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("frame of " + length + " bytes is out of bounds");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }
}
