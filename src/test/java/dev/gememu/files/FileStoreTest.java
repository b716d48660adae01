package dev.gememu.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import dev.gememu.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123456789Z"));

  @TempDir
  Path dataDir;

  @Test
  void aFileExpiresFortyEightHoursAfterItsUpload() {
    FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));
    StoredFile file = store.create(null, "a.csv", "text/csv", bytes("a\n1\n"));

    clock.advance(Duration.ofHours(48).minusNanos(1));
    assertThat(store.find(file.id())).contains(file);
    clock.advance(Duration.ofNanos(1));

    assertThat(store.find(file.id())).isEmpty();
    assertThat(store.page(10, null).files()).isEmpty();
    assertThatThrownBy(() -> store.require(file.id())).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(Status.PERMISSION_DENIED));
  }

  @Test
  void theResourceCarriesGooglesFields() {
    FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));
    StoredFile file = store.create("files/my-data", "a.csv", "text/csv", bytes("hello"));

    dev.gememu.api.File resource = file.toResource("http://127.0.0.1:8080/v1beta");

    assertThat(resource.name()).isEqualTo("files/my-data");
    assertThat(resource.sizeBytes()).isEqualTo(5L);
    assertThat(resource.createTime()).isEqualTo("2026-12-03T10:00:00.123456Z");
    assertThat(resource.expirationTime()).isEqualTo("2026-12-05T10:00:00.123456Z");
    // sha256sum of "hello", hex, then base64
    assertThat(resource.sha256Hash()).isEqualTo(java.util.Base64.getEncoder().encodeToString(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824".getBytes(StandardCharsets.US_ASCII)));
    assertThat(resource.uri()).isEqualTo("http://127.0.0.1:8080/v1beta/files/my-data");
    assertThat(resource.state()).isEqualTo("ACTIVE");
    assertThat(resource.source()).isEqualTo("UPLOADED");
  }

  @Test
  void aDataDirectoryKeepsFilesAcrossRestartsWithNoTemporaryFilesLeft() throws IOException {
    FileStore first = FileStore.inDirectory(dataDir, FileLimits.defaults(), clock, new Random(1));
    StoredFile kept = first.create(null, "kept.csv", "text/csv", bytes("x,y\n1,2\n"));
    StoredFile deleted = first.create(null, null, "image/png", bytes("png"));
    first.delete(deleted.id());

    FileStore second = FileStore.inDirectory(dataDir, FileLimits.defaults(), clock, new Random(2));

    assertThat(second.page(10, null).files()).containsExactly(kept);
    assertThat(new String(second.read(kept), StandardCharsets.UTF_8)).isEqualTo("x,y\n1,2\n");
    try (Stream<Path> entries = Files.list(dataDir)) {
      assertThat(entries.map(path -> path.getFileName().toString()).sorted())
          .containsExactly(kept.id() + ".bin", kept.id() + ".properties");
    }
  }

  @Test
  void aWriteACrashInterruptedIsCleanedUpAtStart() throws IOException {
    Files.writeString(dataDir.resolve(".abc.bin12345.tmp"), "half");
    Files.writeString(dataDir.resolve("orphan.bin"), "bytes without metadata");

    FileStore store = FileStore.inDirectory(dataDir, FileLimits.defaults(), clock, new Random(1));

    assertThat(store.page(10, null).files()).isEmpty();
    try (Stream<Path> entries = Files.list(dataDir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void theTotalLimitRefusesAFileThatDoesNotFitUntilAnotherGoes() {
    FileStore store = FileStore.inMemory(FileLimits.defaults().withMaxTotalBytes(10), clock, new Random(1));
    StoredFile six = store.create(null, null, "text/plain", bytes("123456"));

    assertThatThrownBy(() -> store.create(null, null, "text/plain", bytes("12345")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(Status.RESOURCE_EXHAUSTED));
    assertThatThrownBy(() -> store.checkRoom(11))
        .hasMessage("File size 11 bytes exceeds the maximum allowed file size of 10 bytes.");
    store.delete(six.id());
    assertThat(store.create(null, null, "text/plain", bytes("12345")).sizeBytes()).isEqualTo(5);
  }

  @Test
  void pagesFollowUploadOrder() {
    FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));
    List<StoredFile> files = List.of(store.create(null, null, "text/plain", bytes("1")),
        store.create(null, null, "text/plain", bytes("2")), store.create(null, null, "text/plain", bytes("3")));

    FileStore.Page first = store.page(2, null);
    FileStore.Page second = store.page(2, first.nextPageToken());

    assertThat(first.files()).containsExactly(files.get(0), files.get(1));
    assertThat(second.files()).containsExactly(files.get(2));
    assertThat(second.nextPageToken()).isNull();
  }

  @Test
  void aRequestedNameMustBeGooglesShapeAndFree() {
    FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));
    store.create("files/taken", null, "text/plain", bytes("1"));

    assertThatThrownBy(() -> store.checkName("files/../etc")).hasMessageContaining("Invalid file name");
    assertThatThrownBy(() -> store.checkName("files/Upper")).hasMessageContaining("Invalid file name");
    assertThatThrownBy(() -> store.checkName("files/taken")).hasMessage("A file named files/taken already exists.");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
