/**
 * Renders every file AgentMon installs (launchd plists, systemd units, the XDG autostart entry,
 * the app's Info.plist and the packages' scripts) from one {@link org.agentmon.installer.render.Layout}.
 */
package org.agentmon.installer.render;
