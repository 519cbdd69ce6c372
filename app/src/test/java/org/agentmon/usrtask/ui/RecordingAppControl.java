package org.agentmon.usrtask.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the models asked of the application, which in a test JVM must not exit. */
final class RecordingAppControl implements AppControl {
  final List<String> calls = new CopyOnWriteArrayList<>();
  Models models;

  @Override
  public void quit() {
    calls.add("quit");
    models.close(); // what UsrTaskApp does before it exits the JVM
  }

  @Override
  public void relaunch() {
    calls.add("relaunch");
  }

  @Override
  public void showStatus() {
    calls.add("showStatus");
  }
}
