package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.agentmon.installer.lint.BoundedFile;
import org.agentmon.installer.lint.Finding;
import org.agentmon.installer.lint.PlistLinter;
import org.agentmon.installer.lint.Severity;
import org.agentmon.installer.render.Modes;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.platform.Labels;

/** Checks on the installed job files: content, owner and mode, programs, the login item. */
final class FileChecks {
  /** The largest job file or login item doctor reads: a real one is well under a KiB. */
  private static final long MAX_BYTES = 1 << 20;

  private FileChecks() {}

  /** Reads an installed file through the installer's bounded reader: a FIFO or a huge file is refused at once. */
  private static byte[] read(DoctorContext c, String f, String what) throws IOException {
    return BoundedFile.read(c.file(f), MAX_BYTES, what);
  }

  /** The helper's job files: the LaunchDaemon plist, or the three units. */
  static List<String> jobFiles(DoctorContext c) {
    if (c.mac()) {
      return List.of(c.layout.helperJobFile());
    }
    String d = c.layout.unitDir() + "/";
    return List.of(d + Labels.SOCKET_UNIT, d + Labels.SERVICE_UNIT, d + Labels.PATH_UNIT);
  }

  /**
   * The job files and the login item. On Linux the autostart entry is the agentmon-desktop
   * package's, so it counts only where that package is installed (a server has neither).
   */
  private static List<String> withLoginItem(DoctorContext c) {
    List<String> files = new ArrayList<>(jobFiles(c));
    if (c.mac() || desktopInstalled(c)) {
      files.add(c.layout.loginItemFile());
    }
    return files;
  }

  private static boolean desktopInstalled(DoctorContext c) {
    return Files.exists(c.file(c.layout.usrTaskProgram()), LinkOption.NOFOLLOW_LINKS);
  }

  static CheckResult plistLint(String name, DoctorContext c) throws IOException {
    List<String> files = withLoginItem(c);
    for (String f : files) {
      if (!Files.exists(c.file(f))) {
        return CheckResult.fail(name, f + " is missing: AgentMon is not installed",
            c.installer("install"));
      }
    }
    if (c.mac()) {
      for (String f : files) {
        List<Finding> findings = PlistLinter.lint(c.file(f), false); // bounded: a FIFO or a huge file is a finding
        for (Finding x : findings) {
          if (x.severity() == Severity.ERROR) {
            return CheckResult.fail(name, x.format(f), c.installer("upgrade") + " (rewrites the bundled plist)");
          }
        }
        for (Finding x : findings) {
          if (x.severity() == Severity.WARNING) { // a note (e.g. a private key) is nothing to fix
            return CheckResult.warn(name, x.format(f), c.installer("upgrade"));
          }
        }
      }
      return CheckResult.pass(name, "job plists are valid launchd.plist(5)");
    }
    for (RenderedFile r : Renderer.render(c.layout, c.version)) {
      // The autostart entry is rendered under the desktop package's root; it is installed at the rest.
      String path = r.path().startsWith(Renderer.DESKTOP_PACKAGE_ROOT + "/")
          ? r.path().substring(Renderer.DESKTOP_PACKAGE_ROOT.length()) : r.path();
      if (!files.contains(path)) {
        continue;
      }
      byte[] installed;
      try {
        installed = read(c, path, "a unit or autostart entry");
      } catch (BoundedFile.Refused e) {
        return CheckResult.fail(name, path + " is " + e.getMessage(), c.installer("upgrade"));
      }
      if (!java.util.Arrays.equals(r.content(), installed)) {
        return CheckResult.warn(name, path + " differs from the bundled one", c.installer("upgrade"));
      }
    }
    return CheckResult.pass(name, "units and autostart entry are the bundled ones");
  }

  static CheckResult ownership(String name, DoctorContext c) throws IOException {
    int owner = c.expectedOwner();
    List<String> files = withLoginItem(c);
    files.removeIf(f -> !Files.exists(c.file(f), LinkOption.NOFOLLOW_LINKS)); // plist-lint reports those
    if (files.isEmpty()) {
      return CheckResult.warn(name, "no job files to check: AgentMon is not installed", c.installer("install"));
    }
    for (String f : files) {
      Path p = c.file(f);
      if (Files.isSymbolicLink(p)) {
        return CheckResult.fail(name, f + " is a symbolic link; launchd and the installer expect a plain file",
            c.installer("upgrade"));
      }
      int uid = c.uid(p);
      if (uid != owner || (owner == 0 && c.gid(p) != 0)) {
        return CheckResult.fail(name, f + " is owned by " + uid + ":" + c.gid(p) + ", not " + owner + ":0",
            "sudo chown root:" + (c.mac() ? "wheel" : "root") + " '" + f + "'");
      }
      int mode = Modes.toMode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
      if ((mode & 022) != 0) {
        return CheckResult.fail(name, f + " is group- or world-writable (" + String.format("%04o", mode)
            + "); launchd refuses such a job and anyone in that group could choose what root runs",
            "sudo chmod 644 '" + f + "'");
      }
    }
    return CheckResult.pass(name, "job files are " + (owner == 0 ? "root-owned" : "owned by uid " + owner)
        + " and not writable by others");
  }

  static CheckResult programExists(String name, DoctorContext c) {
    for (String p : List.of(c.layout.helperProgram(), c.layout.java(), c.layout.helperJar())) {
      Path f = c.file(p);
      if (!Files.isRegularFile(f)) {
        return CheckResult.fail(name, p + " is missing: the job points at a program that is not there",
            "reinstall the AgentMon package, or: " + c.installer("upgrade --prefix <where it is now>"));
      }
    }
    for (String p : List.of(c.layout.helperProgram(), c.layout.java())) {
      if (!Files.isExecutable(c.file(p))) {
        return CheckResult.fail(name, p + " is not executable", "sudo chmod 755 '" + p + "'");
      }
    }
    return CheckResult.pass(name, c.layout.helperProgram() + " and " + c.layout.helperJar() + " are in place");
  }

  static CheckResult loginItem(String name, DoctorContext c) throws IOException {
    if (!c.mac() && !desktopInstalled(c)) {
      return CheckResult.pass(name, "no desktop package (agentmon-desktop): nothing to start at login");
    }
    Path p = c.file(c.layout.loginItemFile());
    if (!Files.exists(p)) {
      return CheckResult.fail(name, c.layout.loginItemFile() + " is missing: AgentMon will not start at login",
          c.mac() ? c.installer("install")
              : "sudo apt install --reinstall -o Dpkg::Options::=--force-confmiss agentmon-desktop");
    }
    String entry;
    try {
      entry = c.mac() ? "" : new String(read(c, c.layout.loginItemFile(), "an autostart entry"), StandardCharsets.UTF_8);
    } catch (BoundedFile.Refused e) {
      return CheckResult.fail(name, c.layout.loginItemFile() + " is " + e.getMessage(), c.installer("upgrade"));
    }
    if (entry.lines().anyMatch("Hidden=true"::equals)) {
      return CheckResult.warn(name, c.layout.loginItemFile() + " is hidden (Hidden=true) for everyone",
          c.installer("upgrade"));
    }
    Path program = c.file(c.layout.usrTaskProgram());
    if (!Files.isExecutable(program)) {
      return CheckResult.warn(name, "the login item runs " + c.layout.usrTaskProgram() + ", which is missing",
          "reinstall the AgentMon package");
    }
    return CheckResult.pass(name, c.layout.loginItemFile() + " starts UsrTask at login");
  }
}
