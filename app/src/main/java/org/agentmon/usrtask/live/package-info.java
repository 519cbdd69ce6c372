/**
 * The one live link from UsrTask to the helper: a single subscription that reconnects with
 * backoff and reports every change as a {@link org.agentmon.usrtask.live.LinkSnapshot}. The only
 * code in UsrTask that talks to {@code HelperClient}; views never do.
 */
package org.agentmon.usrtask.live;
