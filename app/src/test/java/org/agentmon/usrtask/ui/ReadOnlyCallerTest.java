package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agentmon.usrtask.testing.HelperProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller the helper treats as read-only: the helper runs as root (this JVM), the status window
 * runs in another JVM as {@code nobody} (uid 65534, through {@code setpriv}), so the helper's
 * peer-credential check really says "not admin". The window must disable Restart and Stop/Start
 * and say whom to ask.
 */
class ReadOnlyCallerTest {
  @TempDir Path dir;

  @Test
  void aReadOnlyCallerSeesDisabledAdminActionsAndTheReason() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "needs root to run the window as another user (setpriv); run as root to cover the read-only caller");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv")),
        "setpriv is not installed (util-linux)");
    open(dir);
    Path helperDir = open(Files.createDirectories(dir.resolve("helper")));
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxrwxrwx"));
    String cp = readableCopyOfClassPath(Files.createDirectories(dir.resolve("cp")));
    try (HelperProcess helper = new HelperProcess(helperDir, List.of())) {
      long pid = helper.start().pid();
      List<String> cmd = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
          "-Djavafx.cachedir=" + scratch.resolve("fx"), "-Duser.home=" + scratch,
          "-cp", cp, ReadOnlyProbe.class.getName(), helper.socket().toString(), scratch.toString());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("HOME", scratch.toString());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
      assertEquals(0, p.exitValue(), out);
      Map<String, String> shown = parse(out);
      assertEquals(Long.toString(pid), shown.get("pid"), out);
      assertEquals("running", shown.get("state"), out);
      assertEquals("Only an administrator can restart or stop AgentMon — ask your IT department", shown.get("readOnly"),
          out);
      assertEquals("AgentMon is running · No server configured", shown.get("sentence"), out);
      assertEquals("true", shown.get("readOnlyVisible"), out);
      assertEquals("true", shown.get("restartDisabled"), out);
      assertEquals("true", shown.get("stopStartDisabled"), out);
      assertEquals(pid, helper.status().pid(), "pressing the disabled buttons did nothing");
    }
  }

  private static Map<String, String> parse(String out) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).matches("[a-zA-Z]+")) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  /** The class path lives under /root, which nobody else may read: copy it somewhere they can. */
  private static String readableCopyOfClassPath(Path into) throws IOException {
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path src = Path.of(e);
      if (!Files.exists(src)) {
        continue;
      }
      Path dst = into.resolve((i++) + "-" + src.getFileName());
      if (Files.isDirectory(src)) {
        try (Stream<Path> walk = Files.walk(src)) {
          for (Path s : (Iterable<Path>) walk::iterator) {
            Path d = dst.resolve(src.relativize(s).toString());
            if (Files.isDirectory(s)) {
              Files.createDirectories(d);
            } else {
              Files.copy(s, d, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      } else {
        Files.copy(src, dst);
      }
      entries.add(dst.toString());
    }
    try (Stream<Path> walk = Files.walk(into)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path open(Path p) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
