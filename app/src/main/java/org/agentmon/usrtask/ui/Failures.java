package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.agentmon.client.PermissionDeniedException;

/** Failures said in words people read, never a bare path or an exception name. */
final class Failures {
  private Failures() {}

  static String startAtLogin(boolean on, IOException e) {
    String what = on ? "Couldn't turn on Start at Login" : "Couldn't turn off Start at Login";
    return what + ": " + file(e);
  }

  static String action(String verb, IOException e) {
    if (e instanceof PermissionDeniedException) {
      return "Couldn't " + verb + " AgentMon: only an administrator can do that";
    }
    String m = e.getMessage() == null ? "AgentMon didn't answer" : e.getMessage();
    return "Couldn't " + verb + " AgentMon: " + m;
  }

  private static String file(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "you aren't allowed to change " + a.getFile();
    }
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + " doesn't exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + " can't be changed (" + f.getReason().toLowerCase() + ")";
    }
    if (e instanceof FileSystemException f) {
      return f.getFile() + " can't be changed";
    }
    return e.getMessage() == null ? "the login item can't be written" : e.getMessage();
  }
}
