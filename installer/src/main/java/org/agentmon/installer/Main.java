package org.agentmon.installer;

import org.agentmon.installer.cli.InstallerCommand;

/** {@code java -jar agentmon-installer.jar VERB ...}: exits with the verb's code. */
public final class Main {
  private Main() {}

  /**
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(InstallerCommand.run(args));
  }
}
