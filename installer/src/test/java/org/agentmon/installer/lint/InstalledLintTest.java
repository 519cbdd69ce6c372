package org.agentmon.installer.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --installed}: owner, mode and program, what launchd checks before loading. */
class InstalledLintTest {
  @TempDir Path root;

  private Path job(String program, String perms) throws IOException {
    Path plist = root.resolve("Library/LaunchDaemons/org.example.job.plist");
    Files.createDirectories(plist.getParent());
    Files.write(plist, LintRulesTest.plist("<key>Label</key><string>org.example.job</string>"
        + "<key>ProgramArguments</key><array><string>" + program + "</string></array>"));
    Files.setPosixFilePermissions(plist, PosixFilePermissions.fromString(perms));
    return plist;
  }

  private Path executable(String path) throws IOException {
    Path p = root.resolve(path.substring(1));
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private static boolean isRoot() throws IOException {
    Path probe = Files.createTempFile("uid", "");
    try {
      return (Integer) Files.getAttribute(probe, "unix:uid") == 0;
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void rootOwnedReadOnlyJobWithItsProgramIsClean() throws IOException {
    assumeTrue(isRoot(), "needs root to own a file as root:wheel");
    executable("/usr/local/bin/job");
    Path plist = job("/usr/local/bin/job", "rw-r--r--");
    Files.setAttribute(plist, "unix:gid", 0);
    assertEquals(List.of(), PlistLinter.lint(plist, true, root));
  }

  @Test
  void groupWritablePlistIsRefused() throws IOException {
    executable("/usr/local/bin/job");
    Path plist = job("/usr/local/bin/job", "rw-rw-r--");
    List<Finding> f = PlistLinter.lint(plist, true, root);
    assertEquals(Finding.error("(mode)", "is group- or world-writable (0664); launchd refuses it; fix: sudo chmod 644 "
        + plist), f.get(f.size() - 1));
  }

  @Test
  void plistNotOwnedByRootIsRefused() throws IOException {
    executable("/usr/local/bin/job");
    Path plist = job("/usr/local/bin/job", "rw-r--r--");
    if (isRoot()) {
      Files.setAttribute(plist, "unix:uid", 501);
      Files.setAttribute(plist, "unix:gid", 20);
    }
    int uid = (Integer) Files.getAttribute(plist, "unix:uid");
    int gid = (Integer) Files.getAttribute(plist, "unix:gid");
    assertEquals(List.of(Finding.error("(owner)", "must be owned by root:wheel (0:0), is " + uid + ":" + gid
        + "; fix: sudo chown root:wheel " + plist)), PlistLinter.lint(plist, true, root));
  }

  @Test
  void missingProgramIsAnError() throws IOException {
    Path plist = job("/usr/local/bin/gone", "rw-r--r--");
    List<Finding> f = PlistLinter.lint(plist, true, root);
    assertEquals(Finding.error("ProgramArguments[0]", "program does not exist: " + root.resolve("usr/local/bin/gone")),
        f.get(f.size() - 1));
  }

  @Test
  void nonExecutableProgramIsAnError() throws IOException {
    Path prog = executable("/usr/local/bin/job");
    Files.setPosixFilePermissions(prog, PosixFilePermissions.fromString("rw-r--r--"));
    Path plist = job("/usr/local/bin/job", "rw-r--r--");
    List<Finding> f = PlistLinter.lint(plist, true, root);
    assumeTrue(!isRoot() || !Files.isExecutable(prog), "root may execute anything on this file system");
    assertEquals(Finding.error("ProgramArguments[0]", "program is not an executable file: " + prog), f.get(f.size() - 1));
  }

  @Test
  void anInstalledJobThatIsALinkIsAnError() throws IOException {
    Path real = job("/usr/local/bin/job", "rw-r--r--");
    Path link = Files.createSymbolicLink(root.resolve("Library/LaunchDaemons/org.example.link.plist"), real);
    assertEquals(List.of(new Finding(Severity.ERROR, "(file)",
        "is a symbolic link; launchd wants the plist itself in place, owned by root")), PlistLinter.lint(link, true, root));
  }
}
