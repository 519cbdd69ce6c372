package org.agentmon.daemon;

import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import org.agentmon.platform.Labels;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Finds the listening socket, first match wins: systemd's ({@code LISTEN_PID}/{@code LISTEN_FDS},
 * fd 3), one inherited on stdin (systemd {@code StandardInput=socket}, or an old launchd plist with
 * {@code inetdCompatibility}), launchd's {@code launch_activate_socket} when launchd runs us as
 * our job ({@code XPC_SERVICE_NAME} is our label), or our own bind on {@code --socket}.
 */
final class SocketSource {
  static final int SD_LISTEN_FDS_START = 3;

  private SocketSource() {}

  static Listener acquire(Path ownPath, java.util.Map<String, String> env) throws StartupException {
    if (fromSystemdApplies(env)) {
      return fromSystemd();
    }
    if (Fds.isSocket(0)) {
      return fromStdin();
    }
    if (fromLaunchdApplies(env)) {
      return LaunchdActivation.acquire(); // the only path that loads JNA
    }
    if (ownPath == null) {
      throw new StartupException("no socket: not socket-activated and no --socket PATH given");
    }
    return OwnBind.bind(ownPath);
  }

  static boolean fromSystemdApplies(java.util.Map<String, String> env) {
    String pid = env.get("LISTEN_PID");
    String fds = env.get("LISTEN_FDS");
    if (pid == null || fds == null) {
      return false;
    }
    try {
      return Long.parseLong(pid.trim()) == ProcessHandle.current().pid() && Integer.parseInt(fds.trim()) >= 1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** @return whether launchd runs this process as the helper's job, so it holds our socket */
  static boolean fromLaunchdApplies(java.util.Map<String, String> env) {
    return Labels.HELPER.equals(env.get("XPC_SERVICE_NAME"));
  }

  private static Listener fromSystemd() throws StartupException {
    try {
      AFUNIXServerSocket s = FileDescriptorCast.unsafeUsing(SD_LISTEN_FDS_START).as(AFUNIXServerSocket.class);
      return new Listener(channelOf(s), Listener.SYSTEMD, null, null);
    } catch (IOException | ClassCastException e) {
      throw new StartupException("LISTEN_FDS is set but fd 3 is not a listening Unix socket: " + e.getMessage()
          + " (check ListenStream= in " + Labels.SOCKET_UNIT + ")", e);
    }
  }

  private static Listener fromStdin() throws StartupException {
    try {
      AFUNIXServerSocket s = FileDescriptorCast.using(FileDescriptor.in).as(AFUNIXServerSocket.class);
      return new Listener(channelOf(s), Listener.INHERITED, null, null);
    } catch (IOException | ClassCastException e) {
      throw new StartupException("stdin is a socket but not a listening Unix socket: " + e.getMessage()
          + " (with launchd use inetdCompatibility Wait=true; with systemd Accept=no)", e);
    }
  }

  static AFUNIXServerSocketChannel channelOf(AFUNIXServerSocket s) throws IOException {
    // Never close: see Listener. Belt and braces should a close ever happen by accident.
    s.setDeleteOnClose(false);
    AFUNIXServerSocketChannel ch = s.getChannel();
    ch.configureBlocking(false);
    return ch;
  }
}
