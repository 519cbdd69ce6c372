/** Checks on the built packages (the {@code -Ppackage} profile): file lists, maintainer scripts, launchers. */
package org.agentmon.installer.packaging;
