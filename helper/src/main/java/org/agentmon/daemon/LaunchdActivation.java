package org.agentmon.daemon;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * launchd's socket hand-over: {@code launch_activate_socket("Listeners", &fds, &cnt)} from
 * libSystem returns the descriptors of the job's {@code Sockets} entry, which are wrapped like
 * systemd's fd 3. This is the only class that touches JNA, and {@link SocketSource} reaches it only
 * when launchd runs the helper as its job, so no other start loads JNA. The library can be
 * replaced by a system property, for the test that stands in for launchd on Linux only.
 */
final class LaunchdActivation {
  /** The {@code Sockets} key in the LaunchDaemon plist. */
  static final String SOCKET_NAME = "Listeners";
  /** System property naming another library that exports {@code launch_activate_socket} (tests). */
  static final String LIBRARY_PROPERTY = "agentmon.test.launchdLibrary";
  private static final String LIBSYSTEM = "System";

  private LaunchdActivation() {}

  /** {@code int launch_activate_socket(const char *name, int **fds, size_t *cnt)}. */
  interface LibLaunch extends Library {
    int launch_activate_socket(String name, PointerByReference fds, NativeLongByReference cnt);
  }

  static Listener acquire() throws StartupException {
    int fd;
    try {
      LibLaunch lib = Native.load(System.getProperty(LIBRARY_PROPERTY, LIBSYSTEM), LibLaunch.class);
      PointerByReference fds = new PointerByReference();
      NativeLongByReference cnt = new NativeLongByReference();
      int err = lib.launch_activate_socket(SOCKET_NAME, fds, cnt);
      if (err != 0) {
        throw new StartupException("launch_activate_socket(\"" + SOCKET_NAME + "\") failed with errno " + err
            + (err == 2 ? " (no Sockets entry named " + SOCKET_NAME + " in the job's plist)"
                : err == 3 ? " (not started by launchd as a job)" : ""));
      }
      Pointer array = fds.getValue();
      long n = cnt.getValue().longValue();
      try {
        if (n < 1 || array == null) {
          throw new StartupException("launch_activate_socket(\"" + SOCKET_NAME + "\") returned no socket");
        }
        fd = array.getInt(0); // one SockPathName: one descriptor
      } finally {
        if (array != null) {
          Native.free(Pointer.nativeValue(array)); // launchd allocates the array; the caller frees it
        }
      }
    } catch (UnsatisfiedLinkError e) {
      throw new StartupException("cannot call launch_activate_socket: " + e.getMessage(), e);
    }
    try {
      AFUNIXServerSocket s = FileDescriptorCast.unsafeUsing(fd).as(AFUNIXServerSocket.class);
      return new Listener(SocketSource.channelOf(s), Listener.LAUNCHD, null, null);
    } catch (IOException | ClassCastException e) {
      throw new StartupException("launchd handed over fd " + fd + ", which is not a listening Unix socket: "
          + e.getMessage() + " (check Sockets." + SOCKET_NAME + " in the LaunchDaemon plist)", e);
    }
  }
}
