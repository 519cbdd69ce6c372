package org.agentmon.installer.install;

import java.util.regex.Pattern;

/**
 * Reads {@code launchctl print-disabled <domain>}: the overrides set by {@code launchctl disable}
 * (an administrator for the system domain, the Start at Login switch for a user's domain).
 * launchd refuses to bootstrap a disabled job ("119: Service is disabled").
 */
public final class DisabledServices {
  private DisabledServices() {}

  /**
   * @param printDisabled the output of {@code launchctl print-disabled <domain>}
   * @param label a job label
   * @return true when the output has a disabled override for the label
   *     ({@code "label" => disabled} on macOS 11+, {@code "label" => true} before)
   */
  public static boolean disabled(String printDisabled, String label) {
    return Pattern.compile("^\\s*\"" + Pattern.quote(label) + "\"\\s*=>\\s*(disabled|true)\\s*$", Pattern.MULTILINE)
        .matcher(printDisabled).find();
  }
}
