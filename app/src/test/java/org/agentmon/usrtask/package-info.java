/** Whole-process tests of {@code usrtask.jar}: a real X display and tray, instance handover, relaunch and quit. */
package org.agentmon.usrtask;
