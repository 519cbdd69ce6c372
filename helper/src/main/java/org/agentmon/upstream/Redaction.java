package org.agentmon.upstream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides how a URL is shown to people: in {@code status}, events, errors and
 * the log. A URL's user info, query and fragment are where tokens hide ({@code
 * https://enroll:TOKEN@host}, {@code ?token=TOKEN}), so they are replaced by {@value #HIDDEN}.
 */
public final class Redaction {
  /** What stands in for a hidden part. */
  public static final String HIDDEN = "***";
  /** A scheme, {@code ://}, then everything up to white space or a quote. */
  private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]*");

  private Redaction() {}

  /**
   * @param url a URL, well-formed or not; null gives null
   * @return the URL with its user info, query and fragment hidden
   */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    start += 3;
    // The last '@' anywhere ends the user info: a '/', '?' or '#' typed into a password hides nothing.
    int at = url.lastIndexOf('@');
    int from = at >= start ? at : start;
    int cut = from;
    while (cut < url.length() && url.charAt(cut) != '?' && url.charAt(cut) != '#') {
      cut++;
    }
    StringBuilder out = new StringBuilder(url.substring(0, start));
    out.append(at >= start ? HIDDEN : "").append(url, from, cut);
    if (cut < url.length()) {
      out.append(url.charAt(cut)).append(HIDDEN);
    }
    return out.toString();
  }

  /**
   * @param text free text (an error, a log line) that may hold URLs; null gives null
   * @return the text with every URL in it passed through {@link #url}
   */
  public static String text(String text) {
    if (text == null || text.indexOf("://") < 0) {
      return text;
    }
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
