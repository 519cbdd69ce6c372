/**
 * Files the root helper trusts: paths checked like sshd's StrictModes (no planted symbolic link,
 * no directory someone else can write), and a state directory whose files are opened without
 * following links and replaced atomically. {@link org.agentmon.files.AtomicFiles} is the project's
 * one atomic writer: the installer and the app write through it too. A leaf: it imports nothing
 * from the project.
 */
package org.agentmon.files;
