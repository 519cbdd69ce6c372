package org.agentmon.installer.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.Modes;
import org.agentmon.platform.Platform;

/** Builds installers over a temp root and lists the resulting trees. */
final class Fixtures {
  static final int UID = (int) new com.sun.security.auth.module.UnixSystem().getUid();

  final StringWriter text = new StringWriter();
  final RecordingRunner runner;
  final Path root;
  final Platform platform;

  Fixtures(Path root, Platform platform, RecordingRunner runner) {
    this.root = root;
    this.platform = platform;
    this.runner = runner;
  }

  Installer installer(boolean dryRun, boolean manageServices, boolean supervisorRunning) {
    InstallTarget t = new InstallTarget(root, Layout.standard(platform), "1.0.0", manageServices);
    Host host = new Host(supervisorRunning, supervisorRunning ? null : "launchd is not running here", UID);
    return new Installer(t, runner, host, new PrintWriter(text, true), dryRun);
  }

  /** @return the printed lines after the header */
  List<String> lines() {
    List<String> all = text.toString().lines().toList();
    return all.subList(1, all.size());
  }

  /** @return "mode owner path" for every file and directory under root, sorted, root-relative */
  List<String> tree() throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        int mode = Modes.toMode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        String owner = UID == 0 ? uid + ":" + gid : (uid == UID ? "self" : uid + ":" + gid);
        out.add(String.format("%04o %s %s%s", mode, owner, "/" + root.relativize(p),
            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
      }
    }
    return out;
  }

  static String owner() {
    return UID == 0 ? "0:0" : "self";
  }
}
