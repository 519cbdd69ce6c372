package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SupportContact comes from the managed preferences; the later (managed) file wins; missing is null. */
class SupportContactTest {
  private static String plist(String contact) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
        + "<key>ServerURL</key><string>https://agentmon.example.com</string>"
        + (contact == null ? "" : "<key>SupportContact</key><string>" + contact + "</string>") + "</dict></plist>\n";
  }

  @Test
  void theManagedFileWins(@TempDir Path dir) throws Exception {
    Path local = Files.writeString(dir.resolve("local.plist"), plist("IT, room 4"));
    Path managed = Files.writeString(dir.resolve("managed.plist"), plist("the help desk (ext. 4242)"));
    assertEquals("the help desk (ext. 4242)", SupportContact.read(List.of(local, managed)));
    assertEquals("IT, room 4", SupportContact.read(List.of(local, dir.resolve("missing.plist"))));
  }

  @Test
  void noKeyOrABrokenFileMeansNoContact(@TempDir Path dir) throws Exception {
    Path none = Files.writeString(dir.resolve("none.plist"), plist(null));
    Path broken = Files.writeString(dir.resolve("broken.plist"), "<plist><dict><key>");
    assertNull(SupportContact.read(List.of(none, broken)));
  }

  @Test
  void darkIsReadFromGnomeOrGtkTheme() {
    assertEquals(true, SystemTheme.isDarkScheme("'prefer-dark'"));
    assertEquals(false, SystemTheme.isDarkScheme("'default'"));
    assertEquals(true, SystemTheme.gtkThemeIsDark("Adwaita:dark"));
    assertEquals(false, SystemTheme.gtkThemeIsDark("Adwaita"));
    assertEquals(false, SystemTheme.gtkThemeIsDark(null));
  }
}
