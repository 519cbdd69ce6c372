package org.agentmon.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.protocol.SocketPathLimit;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * Connects to the helper's socket without ever blocking in connect: a socket whose queue is full
 * (nobody accepts) would hold a blocking connect forever, so each attempt is non-blocking and the
 * attempts stop at the retry window or the deadline, whichever comes first.
 */
final class Dial {
  private Dial() {}

  /**
   * Connects, retrying while nothing accepts (the helper may be starting).
   *
   * @param path the helper's socket
   * @param retryFor how long to keep trying; zero tries once
   * @param deadline the bound of the whole exchange; null for only the retry window
   * @return a connected, blocking socket
   * @throws NoAnswerException when the deadline passes first
   * @throws HelperUnavailableException when the retry window ends first
   * @throws IOException when the path cannot be a socket path
   */
  static Socket open(Path path, Duration retryFor, Deadline deadline) throws IOException {
    SocketPathLimit.check(path);
    long retryEnd = System.nanoTime() + retryFor.toNanos();
    long pause = 25;
    while (true) {
      IOException failure = null;
      try {
        Socket s = attempt(path);
        if (s != null) {
          return s;
        }
      } catch (IOException e) {
        failure = e;
      }
      String why = failure == null ? "its socket accepts no connections: the queue is full" : failure.getMessage();
      if (deadline != null && deadline.passed()) {
        throw new NoAnswerException(path, deadline, why);
      }
      if (System.nanoTime() - retryEnd >= 0) {
        throw new HelperUnavailableException("no helper answers on " + path + " (" + why + ")", failure);
      }
      sleep(deadline == null ? pause : Math.min(pause, deadline.remainingMillis()));
      pause = Math.min(pause * 2, 250);
    }
  }

  /** @return the connected socket, or null when the socket's queue is full (EAGAIN) */
  private static Socket attempt(Path path) throws IOException {
    AFUNIXSocketChannel ch = AFUNIXSocketChannel.open();
    try {
      ch.configureBlocking(false);
      if (!ch.connect(AFUNIXSocketAddress.of(path))) {
        ch.close();
        return null;
      }
      ch.configureBlocking(true);
      return ch.socket();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** Sleeps between two attempts; at least 1 ms. */
  static void sleep(long ms) throws InterruptedIOException {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to the helper");
    }
  }
}
