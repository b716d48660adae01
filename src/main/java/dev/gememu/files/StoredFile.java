package dev.gememu.files;

import dev.gememu.api.File;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One uploaded file's metadata; its bytes live in the store's {@link Storage}.
 *
 * @param id the part after {@code files/}
 * @param sha256 Google's {@code sha256Hash} of the bytes, see {@link FileStore#sha256}
 */
public record StoredFile(String id, String displayName, String mimeType, long sizeBytes, String sha256,
    Instant createTime, Instant expirationTime) {

  /** Google writes timestamps with microseconds: {@code 2026-01-30T10:00:00.123456Z}. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  public String name() {
    return "files/" + id;
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expirationTime);
  }

  /**
   * The resource as the Files API returns it.
   *
   * @param apiRoot where the client reaches the API, e.g. {@code http://127.0.0.1:8080/v1beta}
   */
  public File toResource(String apiRoot) {
    String created = TIMESTAMP.format(createTime);
    return new File(name(), displayName, mimeType, sizeBytes, created, created, TIMESTAMP.format(expirationTime),
        sha256, apiRoot + "/" + name(), null, "ACTIVE", "UPLOADED", null, null);
  }
}
