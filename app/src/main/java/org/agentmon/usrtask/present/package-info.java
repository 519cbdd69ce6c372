/**
 * What AgentMon shows, decided in one pure function: the {@link org.agentmon.usrtask.present.Presenter}
 * turns the helper's state, the server link, the caller's role and the action in progress into the
 * sentence, the secondary line, the tray icon and the actions. The window, the tray and the
 * terminal line all use it, so they never disagree.
 */
package org.agentmon.usrtask.present;
