package org.agentmon.usrtask.ui;

import java.time.Instant;

/**
 * One line of "Recent activity".
 *
 * @param text what happened, in words
 * @param time when, or null when the event has no readable time
 */
record Activity(String text, Instant time) {}
