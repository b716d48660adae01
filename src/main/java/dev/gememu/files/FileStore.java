package dev.gememu.files;

import dev.gememu.api.PageTokens;
import dev.gememu.api.FileErrors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The uploaded files: their metadata in memory, their bytes in a {@link Storage}. A file past its
 * expiration time is gone, exactly as if it had been deleted.
 */
public final class FileStore {
  /** Google's file ids: up to 40 lowercase letters, digits and dashes, no dash at either end. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
  private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int GENERATED_ID_LENGTH = 12;

  private final Storage storage;
  private final FileLimits limits;
  private final Clock clock;
  private final Random random;
  private final Map<String, StoredFile> files = new LinkedHashMap<>();

  private FileStore(Storage storage, FileLimits limits, Clock clock, Random random) {
    this.storage = storage;
    this.limits = limits;
    this.clock = clock;
    this.random = random;
    storage.load().forEach(file -> files.put(file.id(), file));
  }

  /** The store the settings ask for: in their data directory, or in memory. */
  public static FileStore of(FileSettings settings, Clock clock, Random random) {
    return settings.dataDirectory() == null ? inMemory(settings.limits(), clock, random)
        : inDirectory(settings.dataDirectory(), settings.limits(), clock, random);
  }

  public static FileStore inMemory(FileLimits limits, Clock clock, Random random) {
    return new FileStore(new MemoryStorage(), limits, clock, random);
  }

  /** A store that keeps files in {@code directory} across restarts, loading the ones already there. */
  public static FileStore inDirectory(Path directory, FileLimits limits, Clock clock, Random random) {
    return new FileStore(new DirectoryStorage(directory), limits, clock, random);
  }

  public FileLimits limits() {
    return limits;
  }

  /** Raises Google's error unless a file of this size could be stored now. */
  public synchronized void checkRoom(long sizeBytes) {
    if (sizeBytes > limits.largestFile()) {
      throw FileErrors.tooLarge(sizeBytes, limits.largestFile());
    }
    removeExpired();
    long used = files.values().stream().mapToLong(StoredFile::sizeBytes).sum();
    if (used + sizeBytes > limits.maxTotalBytes()) {
      throw FileErrors.storageFull(limits.maxTotalBytes());
    }
  }

  /**
   * Stores a finished upload.
   *
   * @param requestedName {@code files/<id>} the client asked for, or null for a generated id
   */
  public synchronized StoredFile create(String requestedName, String displayName, String mimeType, byte[] bytes) {
    checkRoom(bytes.length);
    String id = requestedName == null || requestedName.isEmpty() ? newId() : requestedId(requestedName);
    Instant now = clock.instant();
    StoredFile file = new StoredFile(id, displayName, mimeType, bytes.length, sha256(bytes), now,
        now.plus(limits.retention()));
    storage.write(file, bytes);
    files.put(id, file);
    return file;
  }

  /** Checks a name a client asks for before its upload starts. */
  public synchronized void checkName(String requestedName) {
    if (requestedName != null && !requestedName.isEmpty()) {
      requestedId(requestedName);
    }
  }

  private String requestedId(String requestedName) {
    String id = requestedName.startsWith("files/") ? requestedName.substring("files/".length()) : requestedName;
    if (!ID.matcher(id).matches()) {
      throw FileErrors.badName(requestedName);
    }
    if (find(id).isPresent()) {
      throw FileErrors.nameTaken("files/" + id);
    }
    return id;
  }

  private String newId() {
    String id;
    do {
      StringBuilder text = new StringBuilder(GENERATED_ID_LENGTH);
      for (int i = 0; i < GENERATED_ID_LENGTH; i++) {
        text.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
      }
      id = text.toString();
    } while (files.containsKey(id));
    return id;
  }

  /** The live file with this id; empty if there is none or it has expired. */
  public synchronized Optional<StoredFile> find(String id) {
    removeExpired();
    return Optional.ofNullable(files.get(id));
  }

  /** The live file with this id, or Google's error for a missing file. */
  public StoredFile require(String id) {
    return find(id).orElseThrow(() -> FileErrors.notFound(id));
  }

  public byte[] read(StoredFile file) {
    return storage.read(file.id());
  }

  /** Deletes a live file, or raises Google's error for a missing one. */
  public synchronized void delete(String id) {
    require(id);
    files.remove(id);
    storage.delete(id);
  }

  /** One page of the live files in upload order, and the token of the next page (null on the last). */
  public synchronized Page page(int pageSize, String pageToken) {
    removeExpired();
    List<StoredFile> all = new ArrayList<>(files.values());
    int offset = PageTokens.decode(pageToken);
    int end = Math.min(all.size(), offset + pageSize);
    List<StoredFile> page = all.subList(Math.min(offset, all.size()), end);
    return new Page(List.copyOf(page), end < all.size() ? PageTokens.encode(end) : null);
  }

  /** A page of files and the token that continues the list, null on the last page. */
  public record Page(List<StoredFile> files, String nextPageToken) {}

  public String describe() {
    return storage.describe() + ", " + files.size() + " file(s) kept, at most " + limits.maxTotalBytes() + " bytes";
  }

  private void removeExpired() {
    Instant now = clock.instant();
    List<StoredFile> expired = files.values().stream().filter(file -> file.expiredAt(now)).toList();
    for (StoredFile file : expired) {
      files.remove(file.id());
      storage.delete(file.id());
    }
  }

  /**
   * Google's {@code sha256Hash}: base64 of the lowercase hex digest (what real File resources carry;
   * the docs only say "a base64-encoded string").
   */
  public static String sha256(byte[] bytes) {
    try {
      String hex = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
