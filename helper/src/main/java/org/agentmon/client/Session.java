package org.agentmon.client;

import static org.agentmon.client.Answers.resultObject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.agentmon.Build;
import org.agentmon.protocol.Hello;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.ProtocolVersion;

/**
 * The connection under a {@link HelperClient}: connects, says hello and checks the protocol
 * version, sends calls within the deadline, and connects afresh once for an idempotent call when the
 * helper went away between two calls. What the helper pushes goes to {@link Notifications}.
 */
final class Session {
  private final Path socket;
  private final Duration retryFor;
  private final Deadline deadline;
  private final Notifications notifications;
  private volatile Wire wire;
  private volatile Hello hello;

  private Session(Path socket, Duration retryFor, Deadline deadline, Notifications notifications) {
    this.socket = socket;
    this.retryFor = retryFor;
    this.deadline = deadline;
    this.notifications = notifications;
  }

  /**
   * Connects and says hello.
   *
   * @throws IOException as {@link HelperClient#connect(Path, Duration, Deadline)}
   */
  static Session open(Path socket, Duration retryFor, Deadline deadline, Notifications notifications)
      throws IOException {
    Session s = new Session(socket, retryFor, deadline, notifications);
    s.reconnect();
    return s;
  }

  Path socket() {
    return socket;
  }

  Hello hello() {
    return hello;
  }

  boolean isConnected() {
    Wire w = wire;
    return w != null && w.isOpen();
  }

  void close() {
    Wire w = wire;
    if (w != null) {
      w.close();
    }
  }

  /** A call that may run twice: once more on a fresh connection if the helper went away. */
  Map<?, ?> callIdempotent(String method, Map<String, ?> params, boolean stream) throws IOException {
    try {
      return call(method, params, stream);
    } catch (NoAnswerException spent) {
      throw spent;
    } catch (HelperUnavailableException first) {
      reconnect(); // once: the helper restarted or crashed between two calls
      return call(method, params, stream);
    }
  }

  /** A call on the current connection, never repeated. */
  Map<?, ?> call(String method, Map<String, ?> params, boolean stream) throws IOException {
    Wire w = wire;
    if (w == null || !w.isOpen()) {
      throw new HelperUnavailableException("not connected to the helper on " + socket, null);
    }
    return call(w, method, params, stream);
  }

  private Map<?, ?> call(Wire w, String method, Map<String, ?> params, boolean stream) throws IOException {
    Deadline d = deadline != null ? deadline : Deadline.after(HelperClient.CALL_TIMEOUT);
    return Answers.await(w.send(method, params, stream, d), d, socket);
  }

  private synchronized void reconnect() throws IOException {
    if (isConnected()) {
      return;
    }
    Wire fresh = Wire.open(socket, retryFor, deadline, notifications::accept, notifications::lost);
    try {
      Hello answer = Hello.fromJson(resultObject(call(fresh, Methods.HELLO, Map.of("protocolVersion",
          ProtocolVersion.CURRENT, "version", Build.version(), "client", "agentmon"), false)));
      if (!ProtocolVersion.compatible(answer.protocolVersion())) {
        throw new IncompatibleHelperException("the helper speaks protocol " + answer.protocolVersion()
            + ", this client " + ProtocolVersion.CURRENT + ": upgrade the older of the two");
      }
      hello = answer;
      wire = fresh;
    } catch (IOException | RuntimeException e) {
      fresh.close();
      throw e;
    }
  }
}
