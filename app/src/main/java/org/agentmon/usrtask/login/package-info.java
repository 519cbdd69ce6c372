/**
 * "Start at Login": one small {@link org.agentmon.usrtask.login.LoginItem} interface with a
 * LaunchAgent implementation for macOS and an XDG autostart one for Linux, rendering their files
 * with the installer's {@code UsrTaskLoginItem}. Both respect a
 * system-wide item the installer put in place instead of writing a second one.
 */
package org.agentmon.usrtask.login;
