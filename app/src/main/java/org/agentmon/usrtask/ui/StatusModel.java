package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.agentmon.icons.TrayState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.live.HelperStarter;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.agentmon.usrtask.login.LoginItem;

/**
 * The state behind the status window and the tray menu: read-only properties out, commands in.
 * Properties change on the FX thread only; every helper call runs on one command thread and
 * hands its result back with {@link Platform#runLater}.
 */
final class StatusModel {
  static final String READ_ONLY_REASON =
      "You are not an administrator on this machine: Restart, Stop and Start are unavailable.";
  static final String NONE = "—";
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(30);
  /** An upstream link down longer than this makes the tray icon "degraded". */
  static final Duration UPSTREAM_DOWN_DEGRADED = Duration.ofMinutes(5);

  private final HelperLink link;
  private final LoginItem loginItem;
  private final AppControl app;
  private final HelperStarter starter;
  private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "usrtask-commands");
    t.setDaemon(true);
    return t;
  });
  private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));

  private final ReadOnlyObjectWrapper<LinkState> linkState = new ReadOnlyObjectWrapper<>(LinkState.CONNECTING);
  private final ReadOnlyObjectWrapper<TrayState> trayState = new ReadOnlyObjectWrapper<>(TrayState.UNREACHABLE);
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("connecting…");
  private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper pid = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper instanceId = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper socketSource = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper enabled = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper clients = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper lastRestart = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper lastExit = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper upstream = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper upstreamLast = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper spool = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper recentEvents = new ReadOnlyStringWrapper(NONE);
  private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("Connecting to the helper…");
  private final ReadOnlyStringWrapper mismatch = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRestart = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canStopOrStart = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper helperOff = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper startAtLogin = new ReadOnlyBooleanWrapper();

  private LinkSnapshot snapshot = new LinkSnapshot(LinkState.CONNECTING, null, null, null, null);
  private boolean readOnly;
  private Instant startedAt;
  private String restartFrom;
  /** What the shown recent events were read for; a new event changes the spool counters. */
  private String eventsKey;
  private long restartSerial;

  /**
   * @param socket the helper's socket
   * @param loginItem where "Start at Login" lives
   * @param app the running application
   * @param starter starts a helper when none runs (development mode), or null
   */
  StatusModel(Path socket, LoginItem loginItem, AppControl app, HelperStarter starter) {
    this.link = new HelperLink(socket, s -> Platform.runLater(() -> apply(s)));
    this.loginItem = loginItem;
    this.app = app;
    this.starter = starter;
    ticker.setCycleCount(Timeline.INDEFINITE);
  }

  /** Subscribes to the helper and reads the login item; call on the FX thread. */
  void start() {
    link.start();
    ticker.play();
    commands.execute(() -> {
      boolean on = loginItem.isEnabled();
      Platform.runLater(() -> startAtLogin.set(on));
    });
  }

  /** Ends the subscription; the helper is left alone. */
  void close() {
    ticker.stop();
    link.close();
    commands.shutdownNow();
  }

  // ---- commands

  /** Restarts the helper; busy until a new instance answers. */
  void restart() {
    if (!canRestart.get()) {
      return;
    }
    restartFrom = snapshot.status() == null ? "" : snapshot.status().instanceId();
    long serial = ++restartSerial;
    setBusy("Restarting helper…");
    run(link::restart, false);
    javafx.animation.PauseTransition timeout = new javafx.animation.PauseTransition(
        javafx.util.Duration.millis(RESTART_TIMEOUT.toMillis()));
    timeout.setOnFinished(e -> {
      if (restartFrom != null && serial == restartSerial) {
        restartFrom = null;
        done("The helper did not come back within " + RESTART_TIMEOUT.toSeconds() + " s.");
      }
    });
    timeout.play();
  }

  /** Stops the helper when it runs, starts it when it is off. */
  void stopOrStart() {
    if (!canStopOrStart.get()) {
      return;
    }
    if (helperOff.get()) {
      setBusy("Starting helper…");
      run(this::startHelper, true);
    } else {
      setBusy("Stopping helper…");
      run(link::stop, true);
    }
  }

  /** Turns "Start at Login" on or off, then shows what is really on disk. */
  void setStartAtLogin(boolean on) {
    commands.execute(() -> {
      String error = null;
      try {
        loginItem.setEnabled(on);
      } catch (IOException e) {
        error = "Start at Login: " + e.getMessage();
      }
      boolean now = loginItem.isEnabled();
      String shown = error;
      Platform.runLater(() -> {
        startAtLogin.set(now);
        if (shown != null) {
          message.set(shown);
        }
      });
    });
  }

  void relaunch() {
    app.relaunch();
  }

  void quit() {
    app.quit();
  }

  void showStatus() {
    app.showStatus();
  }

  private void startHelper() throws IOException {
    if (!link.snapshot().connected()) {
      if (starter == null) {
        throw new IOException("The helper is not reachable on " + link.socket()
            + "; its service manager (launchd/systemd) starts it.");
      }
      starter.startHelper();
      link.reconnectNow();
      try {
        if (!link.awaitConnected(Duration.ofSeconds(10))) {
          throw new IOException("The helper started but does not answer on " + link.socket());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted");
      }
    }
    link.startHelper();
  }

  /** A helper call on the command thread; {@code doneWhenAnswered}: busy ends with the answer. */
  private void run(HelperCall call, boolean doneWhenAnswered) {
    commands.execute(() -> {
      try {
        call.run();
        if (doneWhenAnswered) {
          Platform.runLater(() -> done(null));
        }
      } catch (IOException e) {
        Platform.runLater(() -> {
          restartFrom = null;
          done(e.getMessage());
        });
      }
    });
  }

  private void setBusy(String progress) {
    busy.set(true);
    message.set(progress);
    updateCommands();
  }

  private void done(String error) {
    busy.set(false);
    message.set(error);
    updateCommands();
  }

  // ---- live state

  /** Applies a snapshot from the link; FX thread. */
  void apply(LinkSnapshot s) {
    snapshot = s;
    linkState.set(s.state());
    Status st = s.status();
    boolean live = s.connected() && st != null;
    if (live) {
      state.set(st.state());
      version.set(st.version());
      pid.set(Long.toString(st.pid()));
      instanceId.set(st.instanceId());
      socketSource.set(st.socketSource() + (st.supervisor() == null ? "" : " (supervisor: " + st.supervisor() + ")"));
      enabled.set(st.enabled() ? "yes" : "no");
      clients.set(Integer.toString(st.clients()));
      lastExit.set(st.lastExit() == null ? NONE : st.lastExit());
      showUpstream(st.upstream());
      refreshEvents(st);
      startedAt = parse(st.startedAt());
      if (st.caller() != null) {
        readOnly = !st.caller().admin();
      }
      if (restartFrom != null && !restartFrom.equals(st.instanceId())) {
        restartFrom = null;
        done(null);
      }
    } else {
      state.set(switch (s.state()) {
        case CONNECTING -> "connecting…";
        case RESTARTING -> "restarting…";
        case INCOMPATIBLE -> "incompatible";
        default -> "not running";
      });
      for (ReadOnlyStringWrapper w : new ReadOnlyStringWrapper[] {pid, instanceId, clients, enabled}) {
        w.set(NONE);
      }
      startedAt = null;
    }
    tick();
    lastRestart.set(s.restartedAt() == null ? NONE : CLOCK.format(s.restartedAt()));
    notice.set(s.restartedAt() == null ? null : "Helper restarted at " + CLOCK.format(s.restartedAt()));
    mismatch.set(live ? s.mismatch() : null);
    readOnlyReason.set(readOnly ? READ_ONLY_REASON : null);
    banner.set(bannerFor(s));
    trayState.set(trayStateFor(s));
    updateCommands();
  }

  /** The link to the upstream server: state and server, the last success or error, the spool. */
  private void showUpstream(Upstream u) {
    if (u == null) {
      upstream.set(NONE);
      upstreamLast.set(NONE);
      spool.set(NONE);
      return;
    }
    upstream.set(u.state() + (u.serverURL() == null ? "" : " — " + u.serverURL()));
    String ok = u.lastSuccess() == null ? null : "last success " + clock(u.lastSuccess());
    String err = u.lastError() == null || Upstream.CONNECTED.equals(u.state()) ? null : "error: " + u.lastError()
        + (u.nextAttempt() == null ? "" : " (next try " + clock(u.nextAttempt()) + ")");
    upstreamLast.set(ok == null && err == null ? NONE : ok == null ? err : err == null ? ok : ok + "; " + err);
    spool.set(u.spoolDepth() + " waiting" + (u.droppedEvents() == 0 ? "" : ", " + u.droppedEvents() + " dropped"));
  }

  /** Reads the last few events again when the trail may have changed (off the FX thread). */
  private void refreshEvents(Status st) {
    Upstream u = st.upstream();
    String key = st.instanceId() + (u == null ? "" : "/" + u.spoolDepth() + "/" + u.droppedEvents());
    if (key.equals(eventsKey)) {
      return;
    }
    eventsKey = key;
    commands.execute(() -> {
      StringBuilder sb = new StringBuilder();
      try {
        for (java.util.Map<?, ?> ev : link.recentEvents(5)) {
          sb.append(sb.length() == 0 ? "" : "\n").append(clock(String.valueOf(ev.get("time")))).append("  ")
              .append(ev.get("type"));
          if (ev.get("uid") != null) {
            sb.append(" by uid ").append(ev.get("uid"));
          }
        }
      } catch (IOException e) {
        return; // the link reports the outage; keep what is shown
      }
      String text = sb.length() == 0 ? NONE : sb.toString();
      Platform.runLater(() -> recentEvents.set(text));
    });
  }

  private static String clock(String iso) {
    Instant t = parse(iso);
    return t == null ? iso : CLOCK.format(t);
  }

  private void updateCommands() {
    Status st = snapshot.status();
    boolean live = snapshot.connected() && st != null;
    boolean off = !live || Status.DISABLED.equals(st.state()) || Status.STOPPING.equals(st.state());
    helperOff.set(off);
    canRestart.set(!busy.get() && !readOnly && live);
    // While the helper is stopping its connection is about to end: Start must wait for that, or it
    // would be sent to the process that is exiting.
    boolean stopping = live && Status.STOPPING.equals(st.state());
    canStopOrStart.set(!busy.get() && !readOnly && !stopping && (live || (off && starter != null)));
  }

  private void tick() {
    Instant since = startedAt;
    uptime.set(since == null ? NONE : Durations.uptime(Duration.between(since, Instant.now())));
    trayState.set(trayStateFor(snapshot)); // an upstream outage turns "degraded" with time alone
  }

  private static String bannerFor(LinkSnapshot s) {
    Status st = s.status();
    return switch (s.state()) {
      case CONNECTING -> "Connecting to the helper…";
      case RESTARTING -> "Helper restarting…";
      case NOT_RUNNING -> "Helper not running";
      case INCOMPATIBLE -> s.problem();
      case CONNECTED -> {
        if (Status.SAFE_MODE.equals(st.state())) {
          yield "Helper in safe mode" + (st.reason() == null ? "" : ": " + st.reason());
        } else if (Status.DISABLED.equals(st.state())) {
          yield "Helper stopped" + (st.reason() == null ? "" : ": " + st.reason());
        } else if (st.problem() != null) {
          yield "Helper problem: " + st.problem();
        }
        yield null;
      }
    };
  }

  static TrayState trayStateFor(LinkSnapshot s) {
    return trayStateFor(s, Instant.now());
  }

  static TrayState trayStateFor(LinkSnapshot s, Instant now) {
    Status st = s.status();
    if (!s.connected() || st == null) {
      return TrayState.UNREACHABLE;
    }
    if (Status.DISABLED.equals(st.state()) || Status.STOPPING.equals(st.state())) {
      return TrayState.STOPPED;
    }
    if (Status.RUNNING.equals(st.state()) && st.problem() == null && !upstreamDegraded(st.upstream(), now)) {
      return TrayState.RUNNING;
    }
    return TrayState.DEGRADED;
  }

  /** Unauthorized, or down for more than {@link #UPSTREAM_DOWN_DEGRADED}. */
  static boolean upstreamDegraded(Upstream u, Instant now) {
    if (u == null) {
      return false;
    }
    if (Upstream.UNAUTHORIZED.equals(u.state())) {
      return true;
    }
    Instant down = parse(u.downSince());
    return down != null && Duration.between(down, now).compareTo(UPSTREAM_DOWN_DEGRADED) > 0;
  }

  private static Instant parse(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A call to the helper that may fail. */
  @FunctionalInterface
  private interface HelperCall {
    void run() throws IOException;
  }

  // ---- read-only properties

  ReadOnlyObjectProperty<LinkState> linkStateProperty() { return linkState.getReadOnlyProperty(); }
  ReadOnlyObjectProperty<TrayState> trayStateProperty() { return trayState.getReadOnlyProperty(); }
  ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
  ReadOnlyStringProperty versionProperty() { return version.getReadOnlyProperty(); }
  ReadOnlyStringProperty pidProperty() { return pid.getReadOnlyProperty(); }
  ReadOnlyStringProperty instanceIdProperty() { return instanceId.getReadOnlyProperty(); }
  ReadOnlyStringProperty uptimeProperty() { return uptime.getReadOnlyProperty(); }
  ReadOnlyStringProperty socketSourceProperty() { return socketSource.getReadOnlyProperty(); }
  ReadOnlyStringProperty enabledProperty() { return enabled.getReadOnlyProperty(); }
  ReadOnlyStringProperty clientsProperty() { return clients.getReadOnlyProperty(); }
  ReadOnlyStringProperty lastRestartProperty() { return lastRestart.getReadOnlyProperty(); }
  ReadOnlyStringProperty lastExitProperty() { return lastExit.getReadOnlyProperty(); }
  ReadOnlyStringProperty upstreamProperty() { return upstream.getReadOnlyProperty(); }
  ReadOnlyStringProperty upstreamLastProperty() { return upstreamLast.getReadOnlyProperty(); }
  ReadOnlyStringProperty spoolProperty() { return spool.getReadOnlyProperty(); }
  ReadOnlyStringProperty recentEventsProperty() { return recentEvents.getReadOnlyProperty(); }
  ReadOnlyStringProperty bannerProperty() { return banner.getReadOnlyProperty(); }
  ReadOnlyStringProperty mismatchProperty() { return mismatch.getReadOnlyProperty(); }
  ReadOnlyStringProperty readOnlyReasonProperty() { return readOnlyReason.getReadOnlyProperty(); }
  ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
  ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty canRestartProperty() { return canRestart.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty canStopOrStartProperty() { return canStopOrStart.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty helperOffProperty() { return helperOff.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty startAtLoginProperty() { return startAtLogin.getReadOnlyProperty(); }
}
