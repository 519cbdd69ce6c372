package org.agentmon.protocol;

import java.util.List;

/** Method and notification names of the control protocol. */
public final class Methods {
  /** Exchanges versions; anyone may call it. */
  public static final String HELLO = "hello";
  /**
   * Returns the last events of the local event log ({@code limit}, default 20); with {@code follow}
   * true, also pushes {@link #EVENT} for every new one. Anyone may call it.
   */
  public static final String EVENTS = "events";
  /** Most events {@link #EVENTS} returns at once; a larger {@code limit} is refused with -32602. */
  public static final int MAX_EVENTS = 1000;
  /** Returns the helper's {@link Status}; anyone may call it. */
  public static final String STATUS = "status";
  /** Acknowledges, then pushes {@link #STATUS_CHANGED} on every change; anyone may call it. */
  public static final String SUBSCRIBE = "subscribe";
  /** Replaces the running helper with a new process; admin only. */
  public static final String RESTART = "restart";
  /** Clears the enabled flag and exits; admin only. */
  public static final String STOP = "stop";
  /** Sets the enabled flag; admin only. */
  public static final String START = "start";
  /** Notification carrying a fresh {@link Status} as its params. */
  public static final String STATUS_CHANGED = "status.changed";

  /** Notification carrying one new event of the event log as its params. */
  public static final String EVENT = "event";

  /** Every request method, the most frequent first (the order in which a request line is matched). */
  public static final List<String> REQUESTS = List.of(STATUS, HELLO, SUBSCRIBE, EVENTS, RESTART, STOP, START);

  private Methods() {}
}
