package org.agentmon.upstream;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.agentmon.files.PathTrust;
import org.agentmon.platform.Platform;
import org.agentmon.platform.SystemPaths;

/**
 * Reads the preferences plist(s) the way MDM-managed agents are configured: the local file, then
 * (macOS) the managed file key by key on top. Like sshd's StrictModes, a file that is not owned by
 * root or the helper's uid, or that group or others may write, is refused: anyone who could edit it
 * could point a root process at their own server.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** @return the files read when no {@code --config} is given, lowest precedence first */
  public static List<Path> defaultFiles() {
    return defaultFiles(Platform.onMac());
  }

  /**
   * @param mac macOS rather than Linux
   * @return that platform's preferences files, lowest precedence first
   */
  public static List<Path> defaultFiles(boolean mac) {
    return SystemPaths.preferencesFiles(mac ? Platform.MACOS : Platform.LINUX).stream().map(Path::of).toList();
  }

  /**
   * Loads and validates the configuration; never throws.
   *
   * @param files the files, lowest precedence first; missing ones are skipped
   * @param ownUid the helper's uid, which may own the files besides root
   * @return the configuration, or the reason it was refused
   */
  public static ConfigResult load(List<Path> files, long ownUid) {
    Map<String, NSObject> merged = new LinkedHashMap<>();
    List<String> read = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      for (Path f : files) {
        if (!Files.exists(f)) {
          continue;
        }
        PathTrust.settingsFile(f, ownUid);
        NSDictionary d = PreferencesFile.read(f);
        if (PreferencesFile.holdsToken(d) && PreferencesFile.readableByOthers(f)) {
          warnings.add(f + " holds the " + PreferencesFile.TOKEN_KEY + " and every user can read it ("
              + PosixFilePermissions.toString(Files.getPosixFilePermissions(f)) + "); run: chmod 600 " + f);
        }
        merged.putAll(d.getHashMap());
        read.add(f.toString());
      }
      String source = read.isEmpty() ? "no configuration file" : String.join(", ", read);
      return new ConfigResult(validate(merged, ownUid), null, source, warnings);
    } catch (IOException e) {
      return new ConfigResult(UpstreamConfig.NONE, Redaction.text(e.getMessage()), String.join(", ", read), warnings);
    } catch (RuntimeException | Error e) { // the last line: a configuration problem never kills the caller
      return new ConfigResult(UpstreamConfig.NONE, "cannot load the configuration: " + e.getClass().getSimpleName(),
          String.join(", ", read), warnings);
    }
  }

  private static UpstreamConfig validate(Map<String, NSObject> m, long ownUid) throws IOException {
    String url = string(m, "ServerURL");
    if (url == null || url.isBlank()) {
      return UpstreamConfig.NONE;
    }
    URI server = serverUri(url.trim());
    String token = string(m, "EnrollmentToken");
    String ca = string(m, "ServerCAFile");
    Path caFile = null;
    if (ca != null) {
      caFile = Path.of(ca);
      if (!caFile.isAbsolute() || !Files.isRegularFile(caFile)) {
        throw new IOException("ServerCAFile " + ca + " is not an absolute path of a file");
      }
      PathTrust.settingsFile(caFile, ownUid);
    }
    long heartbeat = number(m, "HeartbeatIntervalSeconds", UpstreamConfig.DEFAULT_HEARTBEAT_SECONDS, 1) * 1000;
    heartbeat = number(m, "TestingHeartbeatIntervalMillis", heartbeat, 10);
    long spoolMax = number(m, "SpoolMaxBytes", UpstreamConfig.DEFAULT_SPOOL_MAX_BYTES,
        UpstreamConfig.MIN_SPOOL_MAX_BYTES);
    long backoffMin = number(m, "TestingBackoffMinMillis", UpstreamConfig.DEFAULT_BACKOFF_MIN_MILLIS, 1);
    long backoffMax = number(m, "TestingBackoffMaxMillis", UpstreamConfig.DEFAULT_BACKOFF_MAX_MILLIS, backoffMin);
    long unauthorized = number(m, "TestingUnauthorizedRetryMillis", backoffMax, 1);
    long requestTimeout = number(m, "TestingRequestTimeoutMillis", UpstreamConfig.DEFAULT_REQUEST_TIMEOUT_MILLIS, 1);
    return new UpstreamConfig(server, token, heartbeat, caFile, spoolMax, backoffMin, backoffMax, unauthorized,
        requestTimeout);
  }

  /**
   * https, or plain http to a loopback address only; no query, no fragment, no user info. A message
   * shows the URL only redacted, and nothing of one that does not parse: either may hold the token.
   */
  static URI serverUri(String url) throws IOException {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) { // its message quotes the input
      throw new IOException("ServerURL is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String shown = Redaction.url(url);
    if (u.getRawUserInfo() != null) {
      throw new IOException("ServerURL " + shown + " must not hold a user name or password; put the token in "
          + PreferencesFile.TOKEN_KEY);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IOException("ServerURL " + shown + " must be scheme://host[:port][/path], without user, query or "
          + "fragment");
    }
    if (scheme.equals("http") && !loopback(u.getHost())) {
      throw new IOException("ServerURL " + shown + ": plain http is allowed only to a loopback address; use https");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IOException("ServerURL " + shown + ": the scheme must be https");
    }
    String s = u.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: never resolved here, so never trusted as loopback
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String string(Map<String, NSObject> m, String key) throws IOException {
    NSObject o = m.get(key);
    if (o == null) {
      return null;
    }
    if (!(o instanceof NSString)) {
      throw new IOException(key + " must be a string");
    }
    return ((NSString) o).getContent();
  }

  private static long number(Map<String, NSObject> m, String key, long otherwise, long min) throws IOException {
    NSObject o = m.get(key);
    if (o == null) {
      return otherwise;
    }
    if (!(o instanceof NSNumber) || ((NSNumber) o).isBoolean()) {
      throw new IOException(key + " must be an integer");
    }
    long v = ((NSNumber) o).longValue();
    if (v < min) {
      throw new IOException(key + " must be at least " + min + ", not " + v);
    }
    return v;
  }
}
