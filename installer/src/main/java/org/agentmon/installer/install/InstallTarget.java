package org.agentmon.installer.install;

import java.nio.file.Path;
import org.agentmon.installer.render.Layout;

/**
 * What to install where.
 *
 * @param root the file system root the system paths are laid out under ({@code /} for real)
 * @param layout the product's layout
 * @param version the product version
 * @param manageServices whether to call launchctl/systemctl (only for the running system)
 */
public record InstallTarget(Path root, Layout layout, String version, boolean manageServices) {

  /**
   * The usual target: services are managed exactly when installing into {@code /}.
   *
   * @param root the root
   * @param layout the layout
   * @param version the version
   * @return the target
   */
  public static InstallTarget of(Path root, Layout layout, String version) {
    Path abs = root.toAbsolutePath().normalize();
    return new InstallTarget(abs, layout, version, abs.getParent() == null);
  }

  /** @return true when {@code root} is {@code /} */
  public boolean isSystemRoot() {
    return root.getParent() == null;
  }
}
