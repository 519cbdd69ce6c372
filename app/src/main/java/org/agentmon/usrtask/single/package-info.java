/**
 * One UsrTask per user: a per-user Unix socket that the first instance holds; a later launch
 * sends it a one-line message ("show", "quit") instead of starting a second tray icon.
 */
package org.agentmon.usrtask.single;
