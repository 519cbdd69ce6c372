/**
 * Files the root helper trusts: paths checked like sshd's StrictModes (no planted symbolic link,
 * no directory someone else can write), and a state directory whose files are opened without
 * following links and replaced atomically. A leaf: it imports nothing from the project.
 */
package org.agentmon.files;
