package org.agentmon.installer.lint;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The installer's one way to read a file it did not write (lint and doctor): only a regular file
 * (decided from its attributes, read without following a link, so a FIFO or a device is never
 * opened and nothing blocks) and only up to a limit, so a huge file cannot stall or exhaust it.
 */
public final class BoundedFile {
  private BoundedFile() {}

  /** A file that was not read, and why in words (e.g. "a FIFO (named pipe)"). */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String why) {
      super(why);
    }
  }

  /**
   * @param file the file; a symbolic link is followed to the file it names, which is then checked
   * @param maxBytes the most it reads
   * @param what what such a file is, for the refusal (e.g. "a property list")
   * @return the content
   * @throws Refused if it is not a regular file or is over {@code maxBytes}; the message says which
   * @throws IOException if the file cannot be examined or read
   */
  public static byte[] read(Path file, long maxBytes, String what) throws IOException {
    Path real = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isRegularFile()) {
      throw new Refused("not a regular file but " + kind(real, a) + "; not read");
    }
    if (a.size() > maxBytes) {
      throw tooLarge(a.size(), maxBytes, what);
    }
    try (SeekableByteChannel ch = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] content = Channels.newInputStream(ch).readNBytes((int) maxBytes + 1);
      if (content.length > maxBytes) { // it grew since we looked
        throw tooLarge(ch.size(), maxBytes, what);
      }
      return content;
    }
  }

  private static Refused tooLarge(long size, long max, String what) {
    return new Refused(size + " bytes, over the " + limit(max) + " limit for " + what + "; not read");
  }

  private static String limit(long max) {
    return max >= 1 << 20 && max % (1 << 20) == 0 ? (max >> 20) + " MiB" : max + " bytes";
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
