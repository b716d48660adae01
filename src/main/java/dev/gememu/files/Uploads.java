package dev.gememu.files;

import dev.gememu.api.FileErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resumable uploads in progress: started with the file's metadata, fed chunk by chunk at checked
 * offsets, stored in the {@link FileStore} when finalized. A session is known by its id alone, which
 * is what authorises its chunks (clients send no API key with them). A session that receives
 * nothing for {@link #IDLE_LIFETIME} is dropped with its bytes, so abandoned uploads do not stay in
 * memory.
 */
public final class Uploads {
  /** How long a session waits for its next chunk before it is abandoned. */
  public static final Duration IDLE_LIFETIME = Duration.ofHours(1);
  private static final int UPLOAD_ID_BYTES = 24;

  private final FileStore store;
  private final Random random;
  private final Clock clock;
  private final UploadMirror mirror;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public Uploads(FileStore store, Random random) {
    this(store, random, Clock.systemUTC(), UploadMirror.NONE);
  }

  /** @param mirror where finished uploads are also made (the upstream in record and auto mode) */
  public Uploads(FileStore store, Random random, Clock clock, UploadMirror mirror) {
    this.store = store;
    this.random = random;
    this.clock = clock;
    this.mirror = mirror;
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
    return start(start, new UploadMirror.ClientRequest("v1beta", Map.of(), "", ""));
  }

  /** As {@link #start(Start)}, also starting the upload on the mirror with the client's request (not kept). */
  public String start(Start start, UploadMirror.ClientRequest request) {
    if (start.declaredSize() != null) {
      store.checkRoom(start.declaredSize());
    }
    store.checkName(start.requestedName());
    removeIdle();
    UploadMirror.Pending upstream = mirror.start(start, request);
    String id = newUploadId();
    sessions.put(id, new Session(start, upstream, clock.instant()));
    return id;
  }

  /** How many sessions are open (started, neither finalized nor abandoned). */
  public int open() {
    removeIdle();
    return sessions.size();
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
      session.touch(clock.instant());
      if (offset != session.received()) {
        throw FileErrors.wrongOffset(session.received(), offset);
      }
      byte[] bytes = readChunk(session, chunk);
      Start start = session.start;
      long total = session.received() + bytes.length;
      if (finalize && start.declaredSize() != null && start.declaredSize() != total) {
        throw FileErrors.sizeMismatch(start.declaredSize(), total);
      }
      session.add(bytes, clock.instant());
      if (!finalize) {
        return new Active(session.received());
      }
      byte[] whole = session.bytes.toByteArray();
      StoredFile file = store.create(start.requestedName(), start.displayName(), start.mimeType(), whole);
      try {
        session.upstream.finish(file, whole);
      } catch (RuntimeException e) {
        store.delete(file.id());
        session.bytes.reset();
        session.bytes.write(whole, 0, whole.length - bytes.length); // the client may send the last chunk again
        throw e;
      }
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
    removeIdle();
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

  private void removeIdle() {
    Instant now = clock.instant();
    sessions.values().removeIf(session -> session.idleSince(now).compareTo(IDLE_LIFETIME) >= 0);
  }

  private static final class Session {
    final Start start;
    final UploadMirror.Pending upstream;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Instant lastActive;

    Session(Start start, UploadMirror.Pending upstream, Instant now) {
      this.start = start;
      this.upstream = upstream;
      this.lastActive = now;
    }

    long received() {
      return bytes.size();
    }

    void add(byte[] chunk, Instant now) {
      bytes.writeBytes(chunk);
      touch(now);
    }

    void touch(Instant now) {
      lastActive = now;
    }

    Duration idleSince(Instant now) {
      return Duration.between(lastActive, now);
    }
  }
}
