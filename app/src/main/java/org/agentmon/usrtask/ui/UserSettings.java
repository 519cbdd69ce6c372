package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.agentmon.platform.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This user's own choices ("Don't ask again", the close hint shown once), in a small properties
 * file in their config folder, written atomically. A file that cannot be read or written only
 * means the defaults: these are conveniences, never worth a failure.
 */
final class UserSettings {
  private static final Logger LOG = LoggerFactory.getLogger(UserSettings.class);
  private final Path file;
  private final Properties values = new Properties();

  UserSettings(Path file) {
    this.file = file;
    if (file != null && Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        values.load(in);
      } catch (IOException e) {
        LOG.warn("cannot read {}: {}", file, e.toString());
      }
    }
  }

  /** @return the settings of the user running this app ($XDG_CONFIG_HOME or ~/.config, macOS ~/Library/Preferences) */
  static UserSettings forCurrentUser() {
    String env = System.getenv("HOME"); // the session's home, as XDG says; user.home is the passwd entry's
    String home = env != null && env.startsWith("/") ? env : System.getProperty("user.home");
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path dir = Platform.onMac() ? Path.of(home, "Library", "Preferences")
        : xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(home, ".config");
    return new UserSettings(dir.resolve("agentmon").resolve("usrtask.properties"));
  }

  synchronized boolean flag(String key) {
    return Boolean.parseBoolean(values.getProperty(key));
  }

  synchronized void setFlag(String key, boolean on) {
    set(key, Boolean.toString(on));
  }

  /** @return the number stored under {@code key}, or NaN */
  synchronized double number(String key) {
    try {
      return Double.parseDouble(values.getProperty(key, "NaN"));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  synchronized void setNumber(String key, double value) {
    set(key, Double.toString(value));
  }

  private void set(String key, String value) {
    values.setProperty(key, value);
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".usrtask", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        values.store(out, "AgentMon menu-bar app: this user's choices");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("cannot save {}: {}", file, e.toString());
    }
  }
}
