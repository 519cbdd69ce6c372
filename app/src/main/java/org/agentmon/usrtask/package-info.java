/**
 * UsrTask's entry point: parses the command line, makes sure only one instance runs per user,
 * starts a development helper when asked, and opens the UI — or, with no display, a live status
 * line on the terminal.
 */
package org.agentmon.usrtask;
