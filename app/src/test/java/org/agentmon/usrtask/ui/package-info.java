/** TestFX tests of the status window against a real helper process, headless under Monocle. */
package org.agentmon.usrtask.ui;
