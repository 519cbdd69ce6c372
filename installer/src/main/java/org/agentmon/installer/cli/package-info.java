/** The {@code agentmon-installer} verbs (picocli): render, lint, install, uninstall, upgrade, doctor. */
package org.agentmon.installer.cli;
