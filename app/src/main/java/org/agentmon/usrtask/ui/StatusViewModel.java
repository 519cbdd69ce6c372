package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.agentmon.client.EventText;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.agentmon.usrtask.live.Helper;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.agentmon.usrtask.login.LoginItem;
import org.agentmon.usrtask.present.Pending;
import org.agentmon.usrtask.present.Presentation;
import org.agentmon.usrtask.present.Presenter;
import org.agentmon.usrtask.present.Since;
import org.agentmon.usrtask.present.Situation;

/**
 * The status view's model: the presentation of the current situation, the technical details,
 * recent activity and Start at Login. Properties change on the FX thread only; helper calls run
 * on the command thread and come back through {@link Platform#runLater}.
 *
 * <p>Changes come from the helper's notifications. The clock moves what is shown only while the
 * window is shown (uptime, "2 min ago": a tick a second); while it is hidden nothing ticks, and the
 * model wakes once, only when time alone changes what the tray shows ({@link Presenter#changesAt}).
 */
final class StatusViewModel {
  static final int ACTIVITY_SHOWN = 8;
  static final int DIAGNOSTIC_EVENTS = 50;
  /** How often the shown window's times move on. */
  static final Duration TICK = Duration.ofSeconds(1);

  private final Helper helper;
  private final LoginItem loginItem;
  private final Executor commands;
  private final boolean canLaunchHelper;
  private final String supportContact;
  private final Supplier<Instant> clock;
  private final ZoneId zone = ZoneId.systemDefault();
  private final Since since = new Since();
  private final Ticker ticker;
  /** FX thread: whether the window is shown, and the running tick and wake-up (or null). */
  private boolean shown;
  private Runnable ticking;
  private Runnable wake;
  private Instant wakeAt;

  private final ReadOnlyObjectWrapper<LinkSnapshot> snapshot =
      new ReadOnlyObjectWrapper<>(new LinkSnapshot(LinkState.CONNECTING, null, null, null, null));
  private final ReadOnlyObjectWrapper<Presentation> presentation = new ReadOnlyObjectWrapper<>();
  /** The time of the last refresh: views with relative times ("2 min ago") follow it. */
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<Pending> pending = new SimpleObjectProperty<>(Pending.NONE);
  private final ObservableList<Detail> details = FXCollections.observableArrayList();
  private final ObservableList<Activity> activity = FXCollections.observableArrayList();
  /** Made once: a view's listener on a wrapper made per call would be lost with the wrapper. */
  private final ObservableList<Detail> detailsOut = FXCollections.unmodifiableObservableList(details);
  private final ObservableList<Activity> activityOut = FXCollections.unmodifiableObservableList(activity);
  private final ReadOnlyBooleanWrapper startAtLogin = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper loginMessage = new ReadOnlyStringWrapper();
  /** Why the user cannot change Start at Login (an organization manages it), or empty. */
  private final ReadOnlyStringWrapper loginManaged = new ReadOnlyStringWrapper("");
  private Instant sinceAt;
  /** What the shown activity was read for; a new event changes the event log counters. */
  private String activityKey;

  StatusViewModel(Helper helper, LoginItem loginItem, Executor commands, Ticker ticker, boolean canLaunchHelper,
      String supportContact, Supplier<Instant> clock) {
    this.helper = helper;
    this.loginItem = loginItem;
    this.commands = commands;
    this.canLaunchHelper = canLaunchHelper;
    this.supportContact = supportContact;
    this.clock = clock;
    this.ticker = ticker;
    pending.addListener(o -> refresh());
    refresh();
  }

  /** Follows the helper and reads the login item; FX thread. */
  void start() {
    helper.start(s -> Platform.runLater(() -> apply(s)));
    commands.execute(() -> {
      boolean on = loginItem.isEnabled();
      String managed = loginItem.managedReason();
      Platform.runLater(() -> {
        startAtLogin.set(on);
        if (managed != null) {
          loginManaged.set(managed);
          loginMessage.set("Start at Login is " + managed + ".");
        }
      });
    });
  }

  /** Stops following; the helper is left alone. */
  void close() {
    cancel(ticking);
    cancel(wake);
    ticking = null;
    wake = null;
    helper.close();
  }

  /**
   * Lets the clock move what is shown while {@code showing} is true (the window is shown); FX thread.
   *
   * @param showing the window's showing property
   */
  void tickWhile(ObservableValue<Boolean> showing) {
    showing.addListener((o, was, is) -> setShown(is));
    setShown(showing.getValue());
  }

  private void setShown(boolean is) {
    if (is == shown) {
      return;
    }
    shown = is;
    cancel(ticking);
    ticking = is ? ticker.every(TICK, this::refresh) : null;
    refresh(); // times up to date the moment the window appears; the wake-up planned when it goes
  }

  /** Applies a snapshot from the link; FX thread. */
  void apply(LinkSnapshot s) {
    sinceAt = since.update(s, clock.get());
    snapshot.set(s);
    refresh();
    Status st = s.status();
    if (s.connected() && st != null) {
      readActivity(st);
    }
  }

  /** Recomputes everything derived from the snapshot and the clock. */
  private void refresh() {
    Instant t = clock.get();
    LinkSnapshot s = snapshot.get();
    Situation situation = new Situation(s, java.nio.file.Files.exists(helper.socket()), canLaunchHelper,
        pending.get(), sinceAt, supportContact, t, zone);
    Presentation p = Presenter.present(situation);
    if (!p.equals(presentation.get())) { // the tray redraws on every change: only real ones
      presentation.set(p);
    }
    List<Detail> d = Details.of(s, t);
    if (!d.equals(details)) {
      details.setAll(d);
    }
    now.set(t);
    planWake(situation);
  }

  /** While hidden: one wake-up when time alone changes the presentation, and none otherwise. */
  private void planWake(Situation situation) {
    Instant at = shown ? null : Presenter.changesAt(situation);
    if (Objects.equals(at, wakeAt)) {
      return;
    }
    cancel(wake);
    wakeAt = at;
    wake = at == null ? null : ticker.once(Duration.between(situation.now(), at), () -> {
      wakeAt = null;
      refresh();
    });
  }

  private static void cancel(Runnable r) {
    if (r != null) {
      r.run();
    }
  }

  /** Reads the last events again when the event log may have changed (off the FX thread). */
  private void readActivity(Status st) {
    Upstream u = st.upstream();
    String key = st.instanceId() + (u == null ? "" : "/" + u.spoolDepth() + "/" + u.droppedEvents());
    if (key.equals(activityKey)) {
      return;
    }
    activityKey = key;
    commands.execute(() -> {
      List<Activity> read = new ArrayList<>();
      try {
        for (Map<?, ?> ev : helper.recentEvents(ACTIVITY_SHOWN)) {
          read.add(0, new Activity(EventText.describe(ev), time(ev)));
        }
      } catch (IOException e) {
        return; // the link reports the outage; keep what is shown
      }
      Platform.runLater(() -> activity.setAll(read));
    });
  }

  /** Turns Start at Login on or off, then shows what is really on disk. */
  void setStartAtLogin(boolean on) {
    commands.execute(() -> {
      String error = null;
      try {
        loginItem.setEnabled(on);
      } catch (IOException e) {
        error = Failures.startAtLogin(on, e);
      }
      boolean now = loginItem.isEnabled();
      String shown = error;
      Platform.runLater(() -> {
        startAtLogin.set(now);
        loginMessage.set(shown);
      });
    });
  }

  /**
   * Gathers what support asks for: the status as JSON and the last events; off the FX thread.
   *
   * @param done gets the text on the FX thread
   */
  void diagnostics(Consumer<String> done) {
    LinkSnapshot s = snapshot.get();
    commands.execute(() -> {
      StringBuilder sb = new StringBuilder("AgentMon diagnostics, ").append(clock.get()).append('\n');
      sb.append("link: ").append(s.state()).append(s.problem() == null ? "" : " (" + s.problem() + ")").append('\n');
      sb.append("status: ").append(s.status() == null ? "none" : Json.toText(s.status().toJson())).append('\n');
      sb.append("last ").append(DIAGNOSTIC_EVENTS).append(" events:\n");
      try {
        for (Map<?, ?> ev : helper.recentEvents(DIAGNOSTIC_EVENTS)) {
          sb.append(Json.toText(ev)).append('\n');
        }
      } catch (IOException e) {
        sb.append("(could not read the events: ").append(e.getMessage()).append(")\n");
      }
      String text = sb.toString();
      Platform.runLater(() -> done.accept(text));
    });
  }

  private static Instant time(Map<?, ?> ev) {
    try {
      return ev.get("time") == null ? null : Instant.parse(String.valueOf(ev.get("time")));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  Helper helper() {
    return helper;
  }

  Instant now() {
    return clock.get();
  }

  ZoneId zone() {
    return zone;
  }

  ReadOnlyObjectProperty<LinkSnapshot> snapshotProperty() { return snapshot.getReadOnlyProperty(); }
  ReadOnlyObjectProperty<Presentation> presentationProperty() { return presentation.getReadOnlyProperty(); }
  ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }
  ObjectProperty<Pending> pendingProperty() { return pending; }
  ObservableList<Detail> details() { return detailsOut; }
  ObservableList<Activity> activity() { return activityOut; }
  ReadOnlyBooleanProperty startAtLoginProperty() { return startAtLogin.getReadOnlyProperty(); }
  ReadOnlyStringProperty loginMessageProperty() { return loginMessage.getReadOnlyProperty(); }
  ReadOnlyStringProperty loginManagedProperty() { return loginManaged.getReadOnlyProperty(); }
}
