package org.agentmon.installer.lint;

/**
 * One lint finding.
 *
 * @param severity error, warning or note
 * @param key the key path, e.g. {@code KeepAlive.PathState} or {@code ProgramArguments[0]};
 *     {@code (file)}, {@code (owner)} or {@code (mode)} for the file itself
 * @param message what is wrong, and what to do where that is not obvious
 */
public record Finding(Severity severity, String key, String message) {

  /**
   * @param file the file name to print
   * @return {@code FILE: error|warning|note: KEY: message}
   */
  public String format(String file) {
    return file + ": " + severity + ": " + key + ": " + message;
  }

  static Finding error(String key, String message) {
    return new Finding(Severity.ERROR, key, message);
  }

  static Finding warning(String key, String message) {
    return new Finding(Severity.WARNING, key, message);
  }

  static Finding note(String key, String message) {
    return new Finding(Severity.NOTE, key, message);
  }
}
