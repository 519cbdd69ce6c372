package org.agentmon.client;

import static org.agentmon.client.Answers.resultObject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.agentmon.Build;
import org.agentmon.protocol.Hello;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;

/**
 * The one client of the helper's control API, shared by the CLI and UsrTask.
 *
 * <p>{@link #connect} retries for a bounded time while the helper is starting, then says hello and
 * checks that both sides speak the same major protocol version. Idempotent calls ({@code hello},
 * {@code status}, {@code subscribe}) are retried once on a fresh connection when the helper went
 * away between two calls (a restart, a crash under a supervisor that holds the socket); {@code
 * restart}, {@code stop} and {@code start} never are. Every call ends by its {@link Deadline}: the
 * command's, when one was given to {@link #connect(Path, Duration, Deadline)}, else {@link
 * #CALL_TIMEOUT} from the call's start; connect, hello and the answer all count. Thread-safe.
 *
 * <p>This class holds the typed calls; {@link Session} connects and says hello, {@link
 * Notifications} hands on what the helper pushes.
 */
public final class HelperClient implements AutoCloseable {
  /** How long a call waits for its answer when the client has no overall deadline. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
  /** How long {@link #connect(Path)} keeps trying while nothing answers. */
  public static final Duration CONNECT_RETRY = Duration.ofSeconds(5);

  private final Notifications notifications;
  private final Session session;
  /** The last status answer's result and the status read from it, see {@link RepeatedAnswers}. */
  private volatile LastStatus lastStatus;

  /** A status and the result object it was read from. */
  private record LastStatus(Map<?, ?> result, Status status) {}

  private HelperClient(Notifications notifications, Session session) {
    this.notifications = notifications;
    this.session = session;
  }

  /**
   * Connects with the default retry window.
   *
   * @param socket the helper's socket
   * @return a connected client
   * @throws IOException as {@link #connect(Path, Duration, Deadline)}
   */
  public static HelperClient connect(Path socket) throws IOException {
    return connect(socket, CONNECT_RETRY);
  }

  /**
   * Connects, retrying while nothing answers (the helper may be starting), then says hello; each
   * call then has {@link #CALL_TIMEOUT}. See {@link #connect(Path, Duration, Deadline)}.
   *
   * @param socket the helper's socket
   * @param retryFor how long to keep trying; zero tries once
   * @return a connected client
   * @throws IOException as {@link #connect(Path, Duration, Deadline)}
   */
  public static HelperClient connect(Path socket, Duration retryFor) throws IOException {
    return connect(socket, retryFor, null);
  }

  /**
   * Connects like {@link #connect(Path, Duration)}, with one deadline for everything this client does
   * before its streams start: connect, hello and every answer (a command's {@code --timeout}).
   *
   * @param socket the helper's socket
   * @param retryFor how long to keep trying while nothing accepts; zero tries once
   * @param deadline the bound of the whole command; null gives each call {@link #CALL_TIMEOUT}
   * @return a connected client
   * @throws HelperUnavailableException if nothing answers in time (the deadline included)
   * @throws IncompatibleHelperException if the helper speaks another major protocol version
   * @throws IOException on other failures
   */
  public static HelperClient connect(Path socket, Duration retryFor, Deadline deadline) throws IOException {
    Notifications n = new Notifications();
    return new HelperClient(n, Session.open(socket, retryFor, deadline, n));
  }

  /** @return the socket this client talks to */
  public Path socket() {
    return session.socket();
  }

  /** @return the helper's answer to the hello of the current connection */
  public Hello hello() {
    return session.hello();
  }

  /**
   * Says how this client's build differs from the helper's, for the UI to show.
   *
   * @return null when both are the same build, else e.g. "Version mismatch: client 0.2.0, helper 0.1.0"
   */
  public String versionMismatch() {
    return versionMismatch("client");
  }

  /**
   * Says how this client's build differs from the helper's, naming the client.
   *
   * @param clientName what the user calls this side, e.g. "UsrTask"
   * @return null when both are the same build, else e.g. "Version mismatch: UsrTask 0.2.0, helper 0.1.0"
   */
  public String versionMismatch(String clientName) {
    Hello h = session.hello();
    return h == null ? null : versionMismatch(clientName, h.version(), h.buildId());
  }

  /**
   * Compares this build with a helper's version and build id (from {@code hello} or {@code status}).
   *
   * @param clientName what the user calls this side, e.g. "UsrTask"
   * @param helperVersion the helper's version
   * @param helperBuild the helper's build id, or null if unknown
   * @return null when both are the same build, else one line that names both
   */
  public static String versionMismatch(String clientName, String helperVersion, String helperBuild) {
    if (Build.version().equals(helperVersion)) {
      if (helperBuild == null || Build.buildId().equals(helperBuild)) {
        return null;
      }
      return "Version mismatch: " + clientName + " " + helperVersion + " (build " + Build.buildId() + "), helper "
          + helperVersion + " (build " + helperBuild + ")";
    }
    return "Version mismatch: " + clientName + " " + Build.version() + ", helper " + helperVersion;
  }

  /**
   * Asks for the helper's status.
   *
   * @return the status
   * @throws IOException when the helper cannot be reached or answers with an error
   */
  public Status status() throws IOException {
    Map<?, ?> result = resultObject(session.callIdempotent(Methods.STATUS, null, false));
    LastStatus last = lastStatus;
    if (last != null && last.result() == result) {
      return last.status(); // the same answer as last time, handed on by RepeatedAnswers
    }
    Status s = Status.fromJson(result);
    lastStatus = new LastStatus(result, s);
    return s;
  }

  /**
   * Subscribes this connection to {@code status.changed}; the listener runs on the reader thread.
   *
   * @param onChange gets every new status
   * @return the status at the time of subscribing
   * @throws IOException when the helper cannot be reached
   */
  public Status subscribe(Consumer<Status> onChange) throws IOException {
    notifications.onStatus(onChange);
    Map<?, ?> result = resultObject(session.callIdempotent(Methods.SUBSCRIBE, null, true));
    Object st = result.get("status");
    return Status.fromJson(st instanceof Map ? (Map<?, ?>) st : Map.of());
  }

  /**
   * Says what to do when the connection is lost (EOF, reset); not called after {@link #close()}.
   *
   * @param handler gets the reason, on the reader thread
   */
  public void onConnectionLost(Consumer<IOException> handler) {
    notifications.onLost(handler);
  }

  /**
   * Asks the helper to replace itself with a new process. Admin only; never retried.
   *
   * @throws PermissionDeniedException if the caller is not an administrator
   * @throws IOException on other failures
   */
  public void restart() throws IOException {
    session.call(Methods.RESTART, null, false);
  }

  /**
   * Asks the helper to clear its enabled flag and exit. Admin only; never retried.
   *
   * @throws PermissionDeniedException if the caller is not an administrator
   * @throws IOException on other failures
   */
  public void stop() throws IOException {
    session.call(Methods.STOP, null, false);
  }

  /**
   * Asks the helper to set its enabled flag and run. Admin only; never retried.
   *
   * @throws PermissionDeniedException if the caller is not an administrator
   * @throws IOException on other failures
   */
  public void start() throws IOException {
    session.call(Methods.START, null, false);
  }

  /**
   * Reads the last events of the helper's event log, oldest first.
   *
   * @param limit at most this many, from 0 to 1000
   * @param onEvent with non-null, this connection then gets every new event (on the reader thread)
   * @return the events, each a JSON object with {@code id}, {@code time}, {@code type}, {@code seq},
   *     {@code delivered} and its own fields
   * @throws IOException when the helper cannot be reached or answers with an error
   */
  public List<Map<?, ?>> events(int limit, Consumer<Map<?, ?>> onEvent) throws IOException {
    notifications.onEvent(onEvent);
    Map<String, Object> params = onEvent != null ? Map.of("limit", limit, "follow", true) : Map.of("limit", limit);
    return Answers.objects(resultObject(session.call(Methods.EVENTS, params, onEvent != null)).get("events"));
  }

  /** @return whether the current connection is still open */
  public boolean isConnected() {
    return session.isConnected();
  }

  @Override
  public void close() {
    session.close();
  }
}
