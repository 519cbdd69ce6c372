package org.agentmon.upstream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.platform.Platform;

/**
 * The machine facts a heartbeat carries. Each is best effort: a fact that cannot be read is sent as
 * null rather than failing the heartbeat. Only fixed files and fixed commands are used.
 */
public final class HostFacts {
  private static final Pattern BOOTTIME = Pattern.compile("sec = (\\d+)");

  private HostFacts() {}

  /**
   * @param disk a path on the volume whose free space is reported (the state directory)
   * @return {@code hostname}, {@code os}, {@code osVersion}, {@code arch}, {@code uptimeSeconds},
   *     {@code loadAverage}, {@code diskFreeBytes}, {@code consoleUser}
   */
  public static Map<String, Object> collect(Path disk) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hostname", hostname());
    m.put("os", Platform.osName());
    m.put("osVersion", System.getProperty("os.version"));
    m.put("arch", System.getProperty("os.arch"));
    m.put("uptimeSeconds", uptimeSeconds());
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    m.put("loadAverage", load < 0 ? null : Math.round(load * 100) / 100.0);
    m.put("diskFreeBytes", diskFree(disk));
    m.put("consoleUser", consoleUser());
    return m;
  }

  private static String hostname() {
    try {
      Path p = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(p)) {
        return Files.readString(p, StandardCharsets.US_ASCII).trim();
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return null;
    }
  }

  private static Long uptimeSeconds() {
    try {
      Path p = Path.of("/proc/uptime");
      if (Files.isReadable(p)) {
        String first = Files.readString(p, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
        return (long) Double.parseDouble(first);
      }
      Matcher m = BOOTTIME.matcher(run("/usr/sbin/sysctl", "-n", "kern.boottime")); // macOS
      return m.find() ? System.currentTimeMillis() / 1000 - Long.parseLong(m.group(1)) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Long diskFree(Path disk) {
    try {
      return Files.getFileStore(disk).getUsableSpace();
    } catch (IOException e) {
      return null;
    }
  }

  /** The owner of {@code /dev/console}: on macOS the user at the login window's desk; root = nobody. */
  private static String consoleUser() {
    try {
      String owner = Files.getOwner(Path.of("/dev/console"), LinkOption.NOFOLLOW_LINKS).getName();
      return "root".equals(owner) ? null : owner;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static String run(String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(2, TimeUnit.SECONDS);
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } finally {
      p.destroy();
    }
  }
}
