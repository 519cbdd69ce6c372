package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir
  Path tmp;

  @Test
  void aFreshDirectoryStartsEnabled() throws IOException {
    StateStore s = StateStore.open(tmp.resolve("state"), Identity.ownUid());
    assertTrue(s.enabled());
    assertEquals("1\n", Files.readString(s.dir().resolve("state-version")));
  }

  @Test
  void aLostVersionKeepsAStoppedHelperStopped() throws IOException {
    StateStore s = stopped();
    Files.delete(s.dir().resolve("state-version"));
    StateStore again = StateStore.open(s.dir(), Identity.ownUid());
    assertFalse(again.enabled(), "a lost marker does not re-enable a stopped helper");
    assertEquals("1\n", Files.readString(s.dir().resolve("state-version")), "the marker is written back");
  }

  @Test
  void anUnknownVersionKeepsTheFlagAndIsLeftAsItIs() throws IOException {
    StateStore s = stopped();
    for (String garbled : new String[] {"", "2\n", "\u0000\u00ff garbage", "x".repeat(10_000)}) {
      Files.writeString(s.dir().resolve("state-version"), garbled, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertFalse(StateStore.open(s.dir(), Identity.ownUid()).enabled(), "after " + garbled.length() + " bytes");
      assertEquals(garbled.length(), Files.size(s.dir().resolve("state-version")), "left for whoever wrote it");
    }
  }

  @Test
  void aDirectoryWithOnlyTheInstallersFlagStaysEnabled() throws IOException {
    Path dir = tmp.resolve("state");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("enabled"), "1\n");
    Files.writeString(dir.resolve("installed.manifest"), "x\n");
    assertTrue(StateStore.open(dir, Identity.ownUid()).enabled());
  }

  private StateStore stopped() throws IOException {
    StateStore s = StateStore.open(tmp.resolve("state"), Identity.ownUid());
    RunHistory h = RunHistory.load(s.files());
    h.started(1, "a", 1);
    h.save();
    s.setEnabled(false);
    return s;
  }
}
