package dev.gememu.recording;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An upstream answer's body, handed over piece by piece as it arrives, with a limit on the wait for
 * each next piece: an upstream that stops sending mid-answer is noticed and cut off, not waited for
 * forever (a JDK {@code InputStream} body has no read timeout).
 */
final class TimedBody implements HttpResponse.BodySubscriber<TimedBody> {
  private static final Object END = new Object();

  private final BlockingQueue<Object> pieces = new LinkedBlockingQueue<>();
  private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

  @Override
  public CompletionStage<TimedBody> getBody() {
    return CompletableFuture.completedStage(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription.complete(s);
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    pieces.add(item);
  }

  @Override
  public void onError(Throwable failure) {
    pieces.add(failure);
  }

  @Override
  public void onComplete() {
    pieces.add(END);
  }

  /**
   * The next bytes that arrived, or null once the body has ended.
   *
   * @throws TimeoutException when nothing arrived within {@code wait}; the body is then cancelled
   * @throws IOException when the connection broke
   */
  @SuppressWarnings("unchecked")
  byte[] next(Duration wait) throws IOException, TimeoutException, InterruptedException {
    Object piece = pieces.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
    if (piece == null) {
      cancel();
      throw new TimeoutException("nothing arrived for " + wait);
    }
    if (piece == END) {
      return null;
    }
    if (piece instanceof Throwable failure) {
      throw failure instanceof IOException io ? io : new IOException(failure);
    }
    List<ByteBuffer> buffers = (List<ByteBuffer>) piece;
    int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
    byte[] bytes = new byte[size];
    int at = 0;
    for (ByteBuffer buffer : buffers) {
      int length = buffer.remaining();
      buffer.get(bytes, at, length);
      at += length;
    }
    subscription.join().request(1);
    return bytes;
  }

  /** Stops receiving: the upstream connection is let go. */
  void cancel() {
    Flow.Subscription s = subscription.getNow(null);
    if (s != null) {
      s.cancel();
    }
  }
}
