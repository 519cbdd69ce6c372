package org.agentmon.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Messages;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * Connections the server refused, kept a moment so that the client reads why. Closing at once loses
 * the message: the client's request, written after the close, fails with "Broken pipe", and one
 * written before it makes the kernel reset the connection. So the server writes the error, ends its
 * output, and discards what the client sends until it hangs up or {@link #LINGER_NANOS} passed. At most
 * {@link #MAX_LINGERING} wait at once; past that a refused connection is closed at once (a flood).
 * Server thread only.
 */
final class Refusals {
  static final int MAX_LINGERING = 64;
  static final long LINGER_NANOS = 2_000_000_000L;

  /** The marker attached to a refused connection's selection key. */
  private static final Object REFUSED = new Object();

  private final Selector selector;
  private final RateLimitedLog warnings;
  /** Lingering channels and when each is closed at the latest, oldest first. */
  private final Map<AFUNIXSocketChannel, Long> lingering = new LinkedHashMap<>();
  private final ByteBuffer sink = ByteBuffer.allocate(4096);

  Refusals(Selector selector, RateLimitedLog warnings) {
    this.selector = selector;
    this.warnings = warnings;
  }

  /**
   * Tells the client on a new non-blocking channel why it is refused (-32002) and closes the channel
   * now or after the client hung up.
   *
   * @param ch the refused client
   * @param who the client
   * @param why the limit it hit
   * @param connected how many connections the server serves now (for the log)
   */
  void refuse(AFUNIXSocketChannel ch, Caller who, Admission.Refusal why, int connected) throws IOException {
    warnings.warn("refused " + who.uid() + " " + why.limit(), "refused {} more connections from uid " + who.uid()
        + " (" + why.limit() + ")", "refusing a connection from uid {} pid {} ({}, {} clients connected): {}",
        who.uid(), who.pid(), why.limit(), connected, why.message());
    ch.write(ByteBuffer.wrap(Messages.error(null, ErrorCodes.BUSY, why.message())));
    if (lingering.size() >= MAX_LINGERING) {
      ch.close();
      return;
    }
    ch.shutdownOutput();
    ch.register(selector, SelectionKey.OP_READ, REFUSED);
    lingering.put(ch, System.nanoTime() + LINGER_NANOS);
  }

  /** @return true if {@code k} belongs to a refused connection (then it was served here) */
  boolean handle(SelectionKey k) {
    if (k.attachment() != REFUSED) {
      return false;
    }
    AFUNIXSocketChannel ch = (AFUNIXSocketChannel) k.channel();
    try {
      for (int i = 0; i < 16 && k.isValid() && k.isReadable(); i++) { // a chatty client waits for the next round
        sink.clear();
        int n = ch.read(sink);
        if (n < 0) {
          break;
        }
        if (n == 0 || i == 15) {
          return true;
        }
      }
    } catch (IOException e) {
      // the client is gone: close below
    }
    close(ch);
    return true;
  }

  /**
   * Closes refused connections whose time is up.
   *
   * @return when the next one is due (a {@link System#nanoTime()} value), or 0 if none lingers
   */
  long expire(long now) {
    List<AFUNIXSocketChannel> due = new ArrayList<>();
    for (Map.Entry<AFUNIXSocketChannel, Long> e : lingering.entrySet()) {
      if (now - e.getValue() < 0) {
        break; // in order of their deadlines
      }
      due.add(e.getKey());
    }
    due.forEach(this::close);
    return lingering.isEmpty() ? 0 : lingering.values().iterator().next();
  }

  /** Closes every refused connection still waiting (the server is exiting). */
  void closeAll() {
    new ArrayList<>(lingering.keySet()).forEach(this::close);
  }

  private void close(AFUNIXSocketChannel ch) {
    lingering.remove(ch);
    try {
      ch.close();
    } catch (IOException e) {
      // nothing left to do for this client
    }
  }
}
