package org.agentmon.installer.lint;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads a file for lint, bounded: only a regular file (decided from its attributes, read without
 * following a link, so a FIFO or a device is never opened) and only up to {@link #MAX_BYTES}. A
 * launchd plist is a few KiB; anything else becomes a finding and lint goes on with the next file.
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
    Path real = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      out.add(Finding.error("(file)", "not a regular file but " + kind(real, a) + "; not read"));
      return null;
    }
    if (a.size() > MAX_BYTES) {
      out.add(tooLarge(a.size()));
      return null;
    }
    try (SeekableByteChannel ch = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] content = Channels.newInputStream(ch).readNBytes((int) MAX_BYTES + 1);
      if (content.length > MAX_BYTES) { // it grew since we looked
        out.add(tooLarge(ch.size()));
        return null;
      }
      return content;
    }
  }

  private static Finding tooLarge(long size) {
    return Finding.error("(file)", size + " bytes, over the " + (MAX_BYTES >> 20) + " MiB limit for a property list; not read");
  }

  /** @return what kind of non-regular file this is, in words */
  private static String kind(Path p, BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      switch (type) {
        case 0010000: return "a FIFO (named pipe)";
        case 0140000: return "a socket";
        case 0020000: return "a character device";
        case 0060000: return "a block device";
        default: break;
      }
    } catch (IOException | UnsupportedOperationException e) {
      // fall through to the generic word
    }
    return "a special file";
  }
}
