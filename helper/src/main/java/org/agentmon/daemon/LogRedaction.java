package org.agentmon.daemon;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.agentmon.upstream.Redaction;

/**
 * Every log line's message and stack trace pass through {@link Redaction}: a URL with a token in it
 * never reaches the log, whichever class logged it. Installed as logback's {@code %msg} and {@code %ex}.
 */
final class LogRedaction {
  private LogRedaction() {}

  /** Makes {@code %msg} and {@code %ex} in the context's patterns redact. */
  static void install(Context ctx) {
    Map<String, Supplier<DynamicConverter<?>>> rules = new HashMap<>();
    rules.put("msg", Message::new);
    rules.put("ex", Stack::new);
    ctx.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
  }

  /** {@code %msg}, redacted. */
  static final class Message extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return Redaction.text(super.convert(event));
    }
  }

  /** {@code %ex}, redacted (exception messages may hold a URL). */
  static final class Stack extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
      return Redaction.text(super.throwableProxyToString(tp));
    }
  }
}
