package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.HelperCommand;

/**
 * The launchers' configurations. macOS: the bundle's extra launchers
 * ({@code jpackage --add-launcher NAME=FILE}): {@code Contents/MacOS/agentmon} (the CLI, and the
 * helper's program with the helper's JVM options), {@code usrtask} (the LaunchAgent's program)
 * and {@code agentmon-installer}; Linux: the package's {@code agentmon} launcher. Rendered here so
 * the JVM options the helper's job and the CLI run with come from {@link HelperLaunch} alone.
 *
 * <p>{@code build-macos.sh} moves every native library out of the jars into
 * {@code Contents/Frameworks} and signs it there (Apple's notary service rejects unsigned code
 * inside jars); these options point junixsocket, JNA and JavaFX at those copies.
 */
final class LauncherConfigs {
  /** Where the signed native libraries are, as the launcher expands it ({@code $APPDIR} is Contents/app). */
  static final String FRAMEWORKS = "$APPDIR/../Frameworks";
  /** junixsocket's library, renamed by the build without its version ({@link Layout#junixsocketLibrary}). */
  static final String JUNIXSOCKET = FRAMEWORKS + "/libjunixsocket-native.dylib";

  private LauncherConfigs() {}

  /** @return the launcher property files, under {@code package/launchers/} */
  static List<RenderedFile> render(Layout layout) {
    List<String> helper = new ArrayList<>(HelperLaunch.launcherJavaOptions(layout));
    helper.addAll(macNativeLibraries("$APPDIR"));
    List<String> usrtask = new ArrayList<>(UsrTaskLaunch.JVM_FLAGS);
    usrtask.add(HelperLaunch.JUNIXSOCKET_LIBRARY + JUNIXSOCKET);
    usrtask.add("-Djava.library.path=" + FRAMEWORKS);
    return List.of(
        file("agentmon", "agentmon.jar", HelperCommand.MAIN_CLASS, helper),
        file("usrtask", "usrtask.jar", "org.agentmon.usrtask.Main", usrtask),
        file("agentmon-installer", "agentmon-installer.jar", "org.agentmon.installer.Main", List.of(
            HelperLaunch.JUNIXSOCKET_LIBRARY + JUNIXSOCKET)));
  }

  /**
   * @param appDir the bundle's {@code Contents/app}, as the launcher spells it or as a path
   * @return the system properties that point junixsocket and JNA at the bundle's libraries
   */
  static List<String> macNativeLibraries(String appDir) {
    String frameworks = FRAMEWORKS.replace("$APPDIR", appDir);
    return List.of(HelperLaunch.JUNIXSOCKET_LIBRARY + JUNIXSOCKET.replace("$APPDIR", appDir),
        "-Djna.boot.library.path=" + frameworks, "-Djna.nounpack=true");
  }

  /**
   * @return the Linux package's {@code agentmon} launcher (the CLI): the helper's JVM options, so
   *     the CLI maps the same class-data sharing archive ({@code build-linux.sh} passes them to
   *     jpackage)
   */
  static RenderedFile linuxCli(Layout layout) {
    return file("agentmon", "agentmon.jar", HelperCommand.MAIN_CLASS, HelperLaunch.launcherJavaOptions(layout));
  }

  private static RenderedFile file(String name, String jar, String mainClass, List<String> javaOptions) {
    String text = "main-jar=" + jar + "\nmain-class=" + mainClass + "\n"
        + "java-options=" + String.join(" ", javaOptions) + "\n";
    return RenderedFile.of("package/launchers/" + name + ".properties", text, Renderer.FILE_MODE);
  }
}
