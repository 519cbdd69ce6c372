/**
 * The Linux packages in a real systemd: a minimal Debian 12 booted in a {@code systemd-nspawn}
 * container ({@link org.agentmon.installer.systemd.Machine}), the {@code .deb}s installed with apt,
 * and the helper driven through systemctl, kill, apt upgrade and purge ({@code -Psystemd}).
 */
package org.agentmon.installer.systemd;
