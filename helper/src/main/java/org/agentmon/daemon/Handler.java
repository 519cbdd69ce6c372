package org.agentmon.daemon;

import java.util.Map;
import org.agentmon.protocol.RpcException;

/** Handles one method: takes the call, returns the result object, or throws the JSON-RPC error. */
interface Handler {
  Object handle(Call call) throws RpcException;

  /**
   * One request on one connection.
   *
   * @param conn the connection it came on
   * @param id the request id
   * @param params the params object, empty when absent
   */
  record Call(Connection conn, Object id, Map<?, ?> params) { }
}
