/**
 * Install, uninstall and upgrade: lays out the rendered files with the right owner and mode
 * (temp file, chmod, chown, rename), then drives launchd or systemd through one
 * {@link org.agentmon.platform.CommandRunner}.
 */
package org.agentmon.installer.install;
