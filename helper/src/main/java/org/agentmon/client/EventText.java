package org.agentmon.client;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * One event of the event log in words people read ("Started by root"), the one place the app's
 * "Recent activity" and {@code agentmon events} take them from. Unknown event types are said
 * plainly from their name, never dropped.
 */
public final class EventText {
  private EventText() {}

  /**
   * Says an event in words, naming users through the system's user database.
   *
   * @param event an event as {@code events} returns it
   * @return a short sentence without a time, e.g. {@code "Restarted by alice"}
   */
  public static String describe(Map<?, ?> event) {
    return describe(event, UserNames::name);
  }

  /**
   * Says an event in words.
   *
   * @param event an event as {@code events} returns it
   * @param userName turns a uid into a user name
   * @return a short sentence without a time
   */
  public static String describe(Map<?, ?> event, LongFunction<String> userName) {
    String type = String.valueOf(event.get("type"));
    String by = by(event, userName);
    String reason = str(event, "reason");
    return switch (type) {
      case "helper.started" -> "AgentMon started" + previous(str(event, "previousRun"));
      case "helper.stopped" -> by != null ? "Stopped by " + by
          : "AgentMon stopped" + (reason == null ? "" : " (" + reason + ")");
      case "helper.enabled" -> "Started by " + (by == null ? "an administrator" : by);
      case "helper.restart-requested" -> "Restarted by " + (by == null ? "an administrator" : by);
      case "helper.safe-mode" -> "Safe mode: AgentMon stopped after repeated crashes";
      case "config.error" -> "The settings file was refused" + (str(event, "error") == null ? "" : ": " + str(event, "error"));
      case "upstream.unauthorized" -> "The server refused this computer's credentials";
      case "upstream.unreachable", "upstream.down" -> "Couldn't reach the server";
      case "upstream.connected", "upstream.recovered" -> "Reached the server again";
      default -> plain(type) + (by == null ? "" : " by " + by);
    };
  }

  private static String previous(String previousRun) {
    if (previousRun == null) {
      return "";
    }
    return previousRun.contains("killed or crashed") ? " after an unexpected stop" : "";
  }

  private static String by(Map<?, ?> event, LongFunction<String> userName) {
    Object uid = event.get("uid");
    if (!(uid instanceof Number n)) {
      return null;
    }
    return userName.apply(n.longValue());
  }

  private static String str(Map<?, ?> event, String key) {
    Object v = event.get(key);
    return v == null ? null : v.toString();
  }

  /** {@code "helper.something-new"} -> {@code "Helper something new"}. */
  private static String plain(String type) {
    String words = type.replace('.', ' ').replace('-', ' ').replace('_', ' ').trim();
    return words.isEmpty() ? "Something happened" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
