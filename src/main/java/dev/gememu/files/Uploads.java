package dev.gememu.files;

import dev.gememu.api.FileErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resumable uploads in progress: started with the file's metadata, fed chunk by chunk at checked
 * offsets, stored in the {@link FileStore} when finalized. A session is known by its id alone, which
 * is what authorises its chunks (clients send no API key with them).
 */
public final class Uploads {
  private static final int UPLOAD_ID_BYTES = 24;

  private final FileStore store;
  private final Random random;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public Uploads(FileStore store, Random random) {
    this.store = store;
    this.random = random;
  }

  /**
   * What a client announces when it starts an upload.
   *
   * @param declaredSize {@code X-Goog-Upload-Header-Content-Length}, or null when not sent
   * @param requestedName {@code files/<id>} the client asked for, or null
   */
  public record Start(String requestedName, String displayName, String mimeType, Long declaredSize) {}

  /** Where an upload stands after a chunk. */
  public sealed interface Progress permits Active, Finished {}

  /** More chunks are expected; {@code received} bytes so far. */
  public record Active(long received) implements Progress {}

  /** The upload is finalized and stored. */
  public record Finished(StoredFile file) implements Progress {}

  /** Opens a session after checking the announced size against the limits; returns its id. */
  public String start(Start start) {
    if (start.declaredSize() != null) {
      store.checkRoom(start.declaredSize());
    }
    store.checkName(start.requestedName());
    String id = newUploadId();
    sessions.put(id, new Session(start));
    return id;
  }

  /** Bytes received so far by a session, for {@code X-Goog-Upload-Command: query}. */
  public long received(String uploadId) {
    return session(uploadId).received();
  }

  /**
   * Adds one chunk, which must start where the previous one ended. Finalizing stores the file and
   * ends the session; a failing chunk leaves the session as it was, so the client may retry it.
   */
  public Progress append(String uploadId, long offset, InputStream chunk, boolean finalize) {
    Session session = session(uploadId);
    synchronized (session) {
      if (offset != session.received()) {
        throw FileErrors.wrongOffset(session.received(), offset);
      }
      byte[] bytes = readChunk(session, chunk);
      Start start = session.start;
      long total = session.received() + bytes.length;
      if (finalize && start.declaredSize() != null && start.declaredSize() != total) {
        throw FileErrors.sizeMismatch(start.declaredSize(), total);
      }
      session.add(bytes);
      if (!finalize) {
        return new Active(session.received());
      }
      StoredFile file = store.create(start.requestedName(), start.displayName(), start.mimeType(),
          session.bytes.toByteArray());
      sessions.remove(uploadId);
      return new Finished(file);
    }
  }

  /** Reads a chunk, refusing it as soon as it would take the upload past what the limits allow. */
  private byte[] readChunk(Session session, InputStream chunk) {
    long allowed = session.start.declaredSize() != null ? session.start.declaredSize() : store.limits().largestFile();
    long room = allowed - session.received();
    try {
      byte[] bytes = chunk.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, room + 1));
      if (bytes.length > room) {
        throw session.start.declaredSize() != null ? FileErrors.longerThanAnnounced(session.start.declaredSize())
            : FileErrors.tooLarge(session.received() + bytes.length, allowed);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Session session(String uploadId) {
    Session session = uploadId == null ? null : sessions.get(uploadId);
    if (session == null) {
      throw FileErrors.unknownUpload(uploadId);
    }
    return session;
  }

  private String newUploadId() {
    byte[] bytes = new byte[UPLOAD_ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static final class Session {
    final Start start;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Session(Start start) {
      this.start = start;
    }

    long received() {
      return bytes.size();
    }

    void add(byte[] chunk) {
      bytes.writeBytes(chunk);
    }
  }
}
