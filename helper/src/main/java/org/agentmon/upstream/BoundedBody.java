package org.agentmon.upstream;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads and discards a response body, up to a size: a server that sends more (or never stops) gets
 * its connection cancelled and the exchange fails, instead of holding the client while it streams.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<Void> {
  private final long maxBytes;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long seen;

  /** @param maxBytes the most a body may hold */
  BoundedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<Void> getBody() {
    return done;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      seen += b.remaining();
    }
    if (seen > maxBytes && !done.isDone()) {
      subscription.cancel();
      done.completeExceptionally(new IOException("the server's answer is larger than " + (maxBytes >> 10) + " KiB"));
    }
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    done.complete(null);
  }
}
