/**
 * The app's footprint bench: AgentMon's menu-bar app beside a JavaFX + AWT-tray hello-world,
 * measured in the same run on Xvfb + trayer (idle CPU hidden and shown, RSS, launch to tray icon,
 * click to window shown).
 */
package org.agentmon.usrtask.bench;
