package dev.gememu.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gememu.api.ApiException;
import dev.gememu.api.Status;
import dev.gememu.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final FileStore store = FileStore.inMemory(FileLimits.defaults(), clock, new Random(1));

  @Test
  void anUploadThatReceivesNothingForTheIdleLifetimeIsDroppedAndItsIdIsUnknown() {
    Uploads uploads = new Uploads(store, new Random(1), clock, UploadMirror.NONE);
    String abandoned = uploads.start(start());
    String active = uploads.start(start());
    uploads.append(active, 0, bytes("a,b\n"), false);

    clock.advance(Uploads.IDLE_LIFETIME.minusSeconds(1));
    uploads.append(active, 4, bytes("1,2\n"), false);
    assertThat(uploads.open()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));

    assertThat(uploads.open()).as("the abandoned one is gone, the one that received a chunk is not").isEqualTo(1);
    assertThatThrownBy(() -> uploads.append(abandoned, 0, bytes("x"), true)).isInstanceOfSatisfying(
        ApiException.class, e -> assertThat(e.status()).isEqualTo(Status.NOT_FOUND));
    assertThat(uploads.append(active, 8, bytes("3,4\n"), true)).isInstanceOf(Uploads.Finished.class);
    assertThat(uploads.open()).isZero();
  }

  @Test
  void theMirrorStartsWithTheUploadAndFinishesWithTheWholeFileAfterTheLocalCopyIsStored() {
    List<String> mirrored = new ArrayList<>();
    UploadMirror mirror = (start, request) -> {
      mirrored.add("start " + request.version() + " " + start.mimeType());
      return (local, bytes) -> mirrored.add("finish " + store.find(local.id()).isPresent() + " "
          + new String(bytes, StandardCharsets.UTF_8));
    };
    Uploads uploads = new Uploads(store, new Random(1), clock, mirror);

    String id = uploads.start(start(), new UploadMirror.ClientRequest("v1beta", java.util.Map.of(), "", ""));
    uploads.append(id, 0, bytes("a,b\n"), false);
    uploads.append(id, 4, bytes("1,2\n"), true);

    assertThat(mirrored).containsExactly("start v1beta text/csv", "finish true a,b\n1,2\n");
  }

  @Test
  void aMirrorThatRefusesTheFileLeavesNoLocalCopyAndTheLastChunkCanBeSentAgain() {
    boolean[] refuse = {true};
    UploadMirror mirror = (start, request) -> (local, bytes) -> {
      if (refuse[0]) {
        throw new ApiException(Status.UNAVAILABLE, "upstream down");
      }
    };
    Uploads uploads = new Uploads(store, new Random(1), clock, mirror);
    String id = uploads.start(start());
    uploads.append(id, 0, bytes("a,b\n"), false);

    assertThatThrownBy(() -> uploads.append(id, 4, bytes("1,2\n"), true)).hasMessage("upstream down");
    assertThat(store.page(10, null).files()).isEmpty();
    refuse[0] = false;

    assertThat(uploads.append(id, 4, bytes("1,2\n"), true)).isInstanceOfSatisfying(Uploads.Finished.class,
        finished -> assertThat(new String(store.read(finished.file()), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n"));
  }

  private static Uploads.Start start() {
    return new Uploads.Start(null, "t.csv", "text/csv", null);
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
