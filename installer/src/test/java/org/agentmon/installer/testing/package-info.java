/** Test support: running real validators (python3, systemd-analyze, desktop-file-validate) and skipping visibly without them. */
package org.agentmon.installer.testing;
