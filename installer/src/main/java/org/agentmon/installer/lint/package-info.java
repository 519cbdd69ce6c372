/**
 * A launchd job plist linter: launchd.plist(5) keys and types, enumerations, ranges, duplicate
 * keys, risky choices, and with {@code --installed} the file's owner, mode and program.
 */
package org.agentmon.installer.lint;
