package org.agentmon.daemon;

import java.util.function.BooleanSupplier;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Request;
import org.agentmon.protocol.RpcException;

/**
 * Turns one request line into its answer: parses it, asks the routing table, and queues the reply
 * (a notification gets none). Whatever a handler throws becomes a JSON-RPC error, never the end of
 * the server. Server thread only.
 */
final class Requests {
  private final Dispatcher dispatcher;
  private final BooleanSupplier exiting;
  private final Connections connections;
  private final RateLimitedLog warnings;

  /** {@code exiting} says whether the helper is on its way out, for the routing table's policy. */
  Requests(Dispatcher dispatcher, BooleanSupplier exiting, Connections connections, RateLimitedLog warnings) {
    this.dispatcher = dispatcher;
    this.exiting = exiting;
    this.connections = connections;
    this.warnings = warnings;
  }

  void handle(Connection c, byte[] line) {
    Request req = null;
    byte[] reply;
    try {
      if (isBlank(line)) {
        throw new RpcException(ErrorCodes.PARSE_ERROR, "empty line: send one JSON-RPC request per line", null);
      }
      req = Request.parse(line);
      Object result = dispatcher.dispatch(req.method(), new Handler.Call(c, req.id(), req.params()),
          exiting.getAsBoolean());
      if (!req.hasId()) {
        return; // a notification gets no answer
      }
      reply = result instanceof EncodedResult e ? e.line(req.id()) : Messages.result(req.id(), result);
    } catch (RpcException e) {
      if (req != null && !req.hasId()) {
        return;
      }
      reply = e.toLine();
    } catch (RuntimeException e) {
      warnings.error("internal " + e.getClass().getName(), "{} more internal errors ("
          + e.getClass().getSimpleName() + ")", "internal error handling a request", e);
      if (req != null && !req.hasId()) {
        return;
      }
      reply = Messages.error(req == null ? null : req.id(), ErrorCodes.INTERNAL_ERROR,
          "internal error: " + e.getClass().getSimpleName());
    }
    connections.send(c, reply);
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
