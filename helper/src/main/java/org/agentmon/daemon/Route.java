package org.agentmon.daemon;

/** A method's handler and whether only administrators may call it. */
final class Route {
  final Handler handler;
  final boolean adminOnly;

  Route(Handler handler, boolean adminOnly) {
    this.handler = handler;
    this.adminOnly = adminOnly;
  }
}
