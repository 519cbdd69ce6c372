package org.agentmon.usrtask.ui;

/**
 * One technical field in the "Details" disclosure.
 *
 * @param label what it is, in words
 * @param id the value's node id (tests and accessibility)
 * @param value the value, "—" when unknown
 */
record Detail(String label, String id, String value) {}
