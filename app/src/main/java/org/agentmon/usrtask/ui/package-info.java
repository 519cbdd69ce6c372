/**
 * UsrTask's user interface: the status window, the tray icon and menu, and the model behind
 * both. Views are built in code and only bind to {@code StatusModel}; the model alone talks to
 * the helper, through {@link org.agentmon.usrtask.live.HelperLink}, off the FX thread.
 */
package org.agentmon.usrtask.ui;
