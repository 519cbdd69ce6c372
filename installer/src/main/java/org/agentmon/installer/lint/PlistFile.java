package org.agentmon.installer.lint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file for lint through {@link BoundedFile}: a launchd plist is a few KiB; a FIFO, a device
 * or anything over {@link #MAX_BYTES} becomes a finding and lint goes on with the next file.
 */
final class PlistFile {
  /** The largest file lint reads. */
  static final long MAX_BYTES = 8L << 20;

  private PlistFile() {}

  /**
   * @param file the file; a symbolic link is followed to the file it names, which is then checked
   * @param out where a refusal is added
   * @return the content, or null when refused (a finding says why)
   * @throws IOException if the file cannot be examined or read
   */
  static byte[] read(Path file, List<Finding> out) throws IOException {
    try {
      return BoundedFile.read(file, MAX_BYTES, "a property list");
    } catch (BoundedFile.Refused e) {
      out.add(Finding.error("(file)", e.getMessage()));
      return null;
    }
  }
}
