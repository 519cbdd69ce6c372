package org.agentmon.usrtask.present;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The small phrases the {@link Presenter} (and the window's Details) build their sentences from. */
public final class Words {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private Words() {}

  /** @return " at 10:42", or "" when the time is unknown */
  static String at(Instant t, ZoneId zone) {
    return t == null ? "" : " at " + clock(t, zone);
  }

  static String clock(Instant t, ZoneId zone) {
    return CLOCK.format(t.atZone(zone));
  }

  static String contact(String supportContact) {
    return supportContact == null || supportContact.isBlank() ? "your IT department" : supportContact.strip();
  }

  static String adminOnly(Action primary, String supportContact) {
    String what = primary == Action.START ? "start AgentMon" : primary == Action.RESTART ? "restart AgentMon"
        : "restart or stop AgentMon";
    return "Only an administrator can " + what + " — ask " + contact(supportContact);
  }

  /** The refused settings file in a sentence, from the helper's reason. */
  static String configRefused(String error) {
    String e = error == null ? "" : error;
    String what = e.contains("writable by group or others") ? "is unsafe (writable by others)"
        : e.contains("is owned by uid") ? "has the wrong owner"
        : e.contains("not a valid property list") || e.contains("not a dictionary") ? "is damaged"
        : "can't be used";
    return "Settings file " + what + " — AgentMon can't connect";
  }

  /** @return the server's host name, or the URL as given when it has none */
  static String host(String url) {
    if (url == null) {
      return "the server";
    }
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** @return "1 event", "3 events": a count and its noun, singular for one */
  public static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }

  static Instant parse(String iso) {
    try {
      return iso == null ? null : Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
