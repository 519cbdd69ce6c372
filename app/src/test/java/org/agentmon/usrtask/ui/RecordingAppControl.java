package org.agentmon.usrtask.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the model asked of the application, which in a test JVM must not exit. */
final class RecordingAppControl implements AppControl {
  final List<String> calls = new CopyOnWriteArrayList<>();
  StatusModel model;

  @Override
  public void quit() {
    calls.add("quit");
    model.close(); // what UsrTaskApp does before it exits the JVM
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
