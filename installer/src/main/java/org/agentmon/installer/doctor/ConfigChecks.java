package org.agentmon.installer.doctor;

import com.dd.plist.NSDictionary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agentmon.installer.render.Modes;
import org.agentmon.upstream.ConfigLoader;
import org.agentmon.upstream.PreferencesFile;

/**
 * The helper's preferences files, which the helper reads itself: like ssh with a private key, a file
 * that holds the enrollment token must not be readable by every user.
 */
final class ConfigChecks {
  private ConfigChecks() {}

  static CheckResult configPrivate(String name, DoctorContext c) throws IOException {
    int present = 0;
    for (Path system : ConfigLoader.defaultFiles(c.mac())) {
      Path f = c.file(system.toString());
      if (!Files.exists(f)) {
        continue;
      }
      present++;
      if (!PreferencesFile.readableByOthers(f)) {
        continue; // whatever it holds, only its owner and group can read it
      }
      String fix = "sudo chmod 600 '" + system + "'";
      NSDictionary d;
      try {
        d = PreferencesFile.read(f); // bounded: a FIFO or a huge file cannot stall doctor
      } catch (IOException e) {
        return CheckResult.warn(name, "cannot tell whether " + system + ", which every user can read, holds the "
            + PreferencesFile.TOKEN_KEY + ": " + e.getMessage(), fix);
      }
      if (PreferencesFile.holdsToken(d)) {
        return CheckResult.fail(name, system + " holds the " + PreferencesFile.TOKEN_KEY + " and every user can read it"
            + " (" + String.format("%04o", Modes.toMode(Files.getPosixFilePermissions(f))) + ")", fix);
      }
    }
    return CheckResult.pass(name, present == 0 ? "no preferences file: no token to keep private"
        : "no preferences file that every user can read holds the " + PreferencesFile.TOKEN_KEY);
  }
}
