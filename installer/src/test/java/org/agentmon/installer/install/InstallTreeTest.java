package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code install --root} lays out exactly the expected tree; {@code uninstall} removes it; both are repeatable. */
class InstallTreeTest {
  @TempDir Path root;

  private static final String O = Fixtures.owner();

  static final List<String> MAC_TREE = List.of(
      "0755 " + O + " /Library/",
      "0755 " + O + " /Library/Application Support/",
      "0700 " + O + " /Library/Application Support/AgentMon/",
      "0600 " + O + " /Library/Application Support/AgentMon/enabled",
      "0600 " + O + " /Library/Application Support/AgentMon/installed.manifest",
      "0755 " + O + " /Library/LaunchAgents/",
      "0644 " + O + " /Library/LaunchAgents/org.agentmon.usrtask.plist",
      "0755 " + O + " /Library/LaunchDaemons/",
      "0644 " + O + " /Library/LaunchDaemons/org.agentmon.helper.plist",
      "0755 " + O + " /Library/Logs/",
      "0755 " + O + " /Library/Logs/AgentMon/",
      "0755 " + O + " /etc/",
      "0755 " + O + " /etc/newsyslog.d/",
      "0644 " + O + " /etc/newsyslog.d/org.agentmon.conf");

  static final List<String> LINUX_TREE = List.of(
      "0755 " + O + " /etc/",
      "0755 " + O + " /etc/systemd/",
      "0755 " + O + " /etc/systemd/system/",
      "0644 " + O + " /etc/systemd/system/agentmon.path",
      "0644 " + O + " /etc/systemd/system/agentmon.service",
      "0644 " + O + " /etc/systemd/system/agentmon.socket",
      "0755 " + O + " /var/",
      "0755 " + O + " /var/lib/",
      "0700 " + O + " /var/lib/agentmon/",
      "0600 " + O + " /var/lib/agentmon/enabled",
      "0600 " + O + " /var/lib/agentmon/installed.manifest");

  /** @return the lines of an installed tree that pass the filter: what an uninstall leaves of it */
  private static List<String> only(List<String> tree, Predicate<String> kept) {
    return tree.stream().filter(kept).toList();
  }

  @Test
  void macInstallProducesExactlyTheTree() throws IOException {
    Fixtures f = Fixtures.mac(root).installed();
    assertEquals(MAC_TREE, f.tree());
    assertEquals(List.of(), f.runner.commands);
    assertTrue(f.lines().contains("skip launchctl (files laid out under " + root + ", not the running system)"), f.text.toString());
  }

  @Test
  void linuxInstallProducesExactlyTheTree() throws IOException {
    Fixtures f = Fixtures.linux(root).installed();
    assertEquals(LINUX_TREE, f.tree());
  }

  /** Actions writes through AtomicFiles: what a killed installer left is cleaned, the modes are the tree's. */
  @Test
  void aTempFileOfAKilledInstallIsCleanedAndTheModesAreKept() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    assertTrue(dead.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
    Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.writeString(units.resolve(".agentmon.service." + dead.pid() + ".tmp"), "[Unit]\nDescr");
    assertEquals(LINUX_TREE, Fixtures.linux(root).installed().tree());
  }

  @Test
  void installTwiceGivesTheSameTree() throws IOException {
    Fixtures f = Fixtures.mac(root);
    assertEquals(0, f.installer(false, false, false).install());
    assertEquals(0, f.installer(false, false, false).install());
    assertEquals(MAC_TREE, f.tree());
  }

  @Test
  void installedFilesAreTheRenderedOnes() throws IOException {
    Fixtures f = Fixtures.mac(root).installed();
    assertTrue(Files.readString(root.resolve("Library/LaunchDaemons/org.agentmon.helper.plist"))
        .contains("<string>/var/run/org.agentmon.helper.sock</string>"));
  }

  @Test
  void uninstallLeavesNothingOfOursButStateAndLogs() throws IOException {
    Fixtures f = Fixtures.mac(root).installed();
    assertEquals(0, f.installer(false, false, false).uninstall(false), f.text.toString());
    assertEquals(only(MAC_TREE, line -> line.endsWith("/") || line.endsWith("/AgentMon/enabled")), f.tree());
  }

  @Test
  void purgeAlsoRemovesStateAndLogs() throws IOException {
    Fixtures f = Fixtures.linux(root).installed();
    assertEquals(0, f.installer(false, false, false).uninstall(true), f.text.toString());
    assertEquals(only(LINUX_TREE, line -> line.endsWith("/") && !line.contains("agentmon")), f.tree());
  }

  @Test
  void uninstallTwiceIsHarmless() throws IOException {
    Fixtures f = Fixtures.mac(root).installed();
    assertEquals(0, f.installer(false, true, true).uninstall(false));
    Fixtures again = Fixtures.mac(root);
    assertEquals(0, again.installer(false, true, true).uninstall(false), again.text.toString());
    assertEquals(List.of("not installed: nothing to remove"), again.lines());
    assertEquals(List.of(), again.runner.commands);
  }

  @Test
  void uninstallOfNothingIsSuccess() throws IOException {
    Fixtures f = Fixtures.linux(root);
    assertEquals(0, f.installer(false, true, true).uninstall(true));
    assertEquals(List.of("not installed: nothing to remove"), f.lines());
    assertEquals(List.of(), f.tree());
  }

  @Test
  void nonRootCannotInstallIntoTheSystemRoot() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Fixtures.UID != 0, "as root this would really install into /");
    Fixtures f = Fixtures.linux(Path.of("/"));
    assertEquals(1, f.installer(false, true, true).install());
    assertEquals(List.of("agentmon-installer: error: must run as root to install into / (try sudo)"), f.lines());
  }
}
