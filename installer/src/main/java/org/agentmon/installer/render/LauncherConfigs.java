package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The macOS bundle's extra launchers ({@code jpackage --add-launcher NAME=FILE}):
 * {@code Contents/MacOS/agentmon} (the CLI, and the helper's program with the helper's JVM
 * options), {@code usrtask} (the LaunchAgent's program) and {@code agentmon-installer}. Rendered
 * here so the JVM options the helper's job runs with come from {@link HelperLaunch} alone.
 *
 * <p>{@code build-macos.sh} moves every native library out of the jars into
 * {@code Contents/Frameworks} and signs it there (Apple's notary service rejects unsigned code
 * inside jars); these options point junixsocket, JNA and JavaFX at those copies.
 */
final class LauncherConfigs {
  /** Where the signed native libraries are, as the launcher expands it ({@code $APPDIR} is Contents/app). */
  static final String FRAMEWORKS = "$APPDIR/../Frameworks";
  /** junixsocket's library, renamed by the build without its version. */
  static final String JUNIXSOCKET = FRAMEWORKS + "/libjunixsocket-native.dylib";

  private LauncherConfigs() {}

  /** @return the launcher property files, under {@code package/launchers/} */
  static List<RenderedFile> render(Layout layout) {
    List<String> helper = new ArrayList<>(HelperLaunch.launcherJavaOptions(layout));
    helper.add("-Dorg.newsclub.net.unix.library.override=" + JUNIXSOCKET);
    helper.add("-Djna.boot.library.path=" + FRAMEWORKS);
    helper.add("-Djna.nounpack=true");
    List<String> usrtask = new ArrayList<>(UsrTaskLaunch.JVM_FLAGS);
    usrtask.add("-Dorg.newsclub.net.unix.library.override=" + JUNIXSOCKET);
    usrtask.add("-Djava.library.path=" + FRAMEWORKS);
    return List.of(
        file("agentmon", "agentmon.jar", "org.agentmon.cli.Main", helper),
        file("usrtask", "usrtask.jar", "org.agentmon.usrtask.Main", usrtask),
        file("agentmon-installer", "agentmon-installer.jar", "org.agentmon.installer.Main", List.of(
            "-Dorg.newsclub.net.unix.library.override=" + JUNIXSOCKET)));
  }

  private static RenderedFile file(String name, String jar, String mainClass, List<String> javaOptions) {
    String text = "main-jar=" + jar + "\nmain-class=" + mainClass + "\n"
        + "java-options=" + String.join(" ", javaOptions) + "\n";
    return RenderedFile.of("package/launchers/" + name + ".properties", text, Renderer.FILE_MODE);
  }
}
