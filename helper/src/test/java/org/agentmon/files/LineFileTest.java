package org.agentmon.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file under the event log holds whole lines only, and every append is durable or undone. */
class LineFileTest {
  @TempDir
  Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void loadCreatesAMissingFileEmpty() throws IOException {
    LineFile f = LineFile.lock(StateDir.open(dir.resolve("state")), "log", "log.lock", 1_000);
    assertEquals(0, f.load().length);
    assertEquals(0, f.length());
    assertTrue(Files.isRegularFile(dir.resolve("state/log")));
  }

  @Test
  void aTornLastLineIsCutOffOnDiskSoTheNextAppendStartsALine() throws IOException {
    StateDir d = StateDir.open(dir.resolve("state"));
    Files.write(dir.resolve("state/log"), b("one\ntwo\nthr"));
    LineFile f = LineFile.lock(d, "log", "log.lock", 1_000);
    assertArrayEquals(b("one\ntwo\n"), f.load());
    assertEquals(3, f.cutOff());
    assertEquals(8, f.length());
    assertEquals("one\ntwo\n", Files.readString(dir.resolve("state/log")));
    f.append(List.of(b("three\n"), b("four\n")));
    assertEquals("one\ntwo\nthree\nfour\n", Files.readString(dir.resolve("state/log")));
    assertEquals(Files.size(dir.resolve("state/log")), f.length());
  }

  @Test
  void replaceSwapsTheWholeFileAndLaterAppendsGoToTheNewOne() throws IOException {
    LineFile f = LineFile.lock(StateDir.open(dir.resolve("state")), "log", "log.lock", 1_000);
    f.load();
    f.append(List.of(b("old\n")));
    f.replace(List.of(b("a\n"), b("b\n")));
    f.append(List.of(b("c\n")));
    assertEquals("a\nb\nc\n", Files.readString(dir.resolve("state/log")));
    assertEquals(6, f.length());
  }

  @Test
  void aLinkPlantedInPlaceOfTheFileIsRefusedAndItsTargetLeftAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("elsewhere"), "keep");
    Path state = Files.createDirectory(dir.resolve("state"));
    Files.createSymbolicLink(state.resolve("log"), target);
    LineFile f = LineFile.lock(StateDir.open(state), "log", "log.lock", 1_000);
    IOException e = assertThrows(IOException.class, f::load);
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertThrows(IOException.class, () -> f.append(List.of(b("x\n"))));
    assertEquals("keep", Files.readString(target));
  }
}
