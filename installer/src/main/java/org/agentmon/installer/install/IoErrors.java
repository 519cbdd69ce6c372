package org.agentmon.installer.install;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the JDK's file exceptions into the sentence people expect: "cannot create directory
 * /x/etc: Permission denied". The JDK puts only the path in the message of its most common
 * exceptions (no such file, permission denied) and keeps the OS's reason in the type.
 */
public final class IoErrors {
  /** strerror(3)'s words for the exceptions whose message the JDK leaves at the path. */
  private static final Map<Class<? extends FileSystemException>, String> REASONS = Map.of(
      AccessDeniedException.class, "Permission denied",
      NoSuchFileException.class, "No such file or directory",
      FileAlreadyExistsException.class, "File exists",
      NotDirectoryException.class, "Not a directory",
      DirectoryNotEmptyException.class, "Directory not empty",
      NotLinkException.class, "Not a symbolic link");

  private IoErrors() {}

  /**
   * @param e what failed
   * @return the operating system's reason, as strerror(3) words it where the JDK dropped it
   */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    for (Map.Entry<Class<? extends FileSystemException>, String> r : REASONS.entrySet()) {
      if (r.getKey().isInstance(e)) {
        return r.getValue();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * @param operation what was being done, e.g. {@code "create directory"}
   * @param path the file it was done to
   * @param e what failed
   * @return {@code cannot OPERATION PATH: REASON}
   */
  public static String describe(String operation, Path path, IOException e) {
    return "cannot " + operation + " " + path + ": " + reason(e);
  }

  /** @return an {@link InstallException} saying {@link #describe}, the cause attached */
  static InstallException failed(String operation, Path path, IOException e) {
    return e instanceof InstallException ? (InstallException) e
        : new InstallException(describe(operation, path, e), e);
  }
}
