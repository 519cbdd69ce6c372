package org.agentmon.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agentmon.protocol.ErrorCodes;

/** Turns a pending call into its result object or the exception that says what went wrong. */
final class Answers {
  private Answers() {}

  /**
   * Waits for a response until the deadline.
   *
   * @param socket the helper's socket, for the message
   * @return the whole response object, without an error
   * @throws NoAnswerException when the deadline passes first
   * @throws HelperException when the helper answered with an error
   */
  static Map<?, ?> await(CompletableFuture<Map<?, ?>> f, Deadline deadline, Object socket) throws IOException {
    Map<?, ?> m;
    try {
      // A call on the calling thread is answered by now: no need to ask the clock what is left.
      m = f.get(f.isDone() ? 0 : deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the helper");
    } catch (TimeoutException e) {
      throw new NoAnswerException(socket, deadline, null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw new IOException(e.getCause());
    }
    Object err = m.get("error");
    if (err instanceof Map) {
      Map<?, ?> em = (Map<?, ?>) err;
      int code = em.get("code") instanceof Number ? ((Number) em.get("code")).intValue() : ErrorCodes.INTERNAL_ERROR;
      String msg = String.valueOf(em.get("message"));
      if (code == ErrorCodes.PERMISSION_DENIED) {
        throw new PermissionDeniedException(msg);
      }
      if (code == ErrorCodes.INCOMPATIBLE_VERSION) {
        throw new IncompatibleHelperException(msg);
      }
      throw new HelperException(code, msg);
    }
    return m;
  }

  /**
   * @param response a response without an error
   * @return its result object
   * @throws IOException when the result is not an object
   */
  static Map<?, ?> resultObject(Map<?, ?> response) throws IOException {
    Object r = response.get("result");
    if (!(r instanceof Map)) {
      throw new IOException("the helper answered without a result object");
    }
    return (Map<?, ?>) r;
  }

  /**
   * @param list a JSON array, or anything else
   * @return its JSON objects, in order; empty when it is not an array
   */
  static List<Map<?, ?>> objects(Object list) {
    List<Map<?, ?>> out = new ArrayList<>();
    if (list instanceof List) {
      for (Object o : (List<?>) list) {
        if (o instanceof Map) {
          out.add((Map<?, ?>) o);
        }
      }
    }
    return out;
  }
}
