/**
 * AgentMon's icons: the tray state icons and the app icon, drawn as Java2D vector code and
 * rendered into PNG and ICNS files by the build, so they ship inside this jar with no external
 * tools. The app uses {@link org.agentmon.icons.Icons} and {@link org.agentmon.icons.TrayState};
 * everything else here is build-time drawing and file writing.
 */
package org.agentmon.icons;
