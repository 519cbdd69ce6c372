/** The {@code agentmon-installer} entry point: wires the command line to the installer's parts. */
package org.agentmon.installer;
