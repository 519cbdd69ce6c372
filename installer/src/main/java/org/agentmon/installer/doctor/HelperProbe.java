package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.client.HelperClient;
import org.agentmon.client.HelperUnavailableException;
import org.agentmon.client.PermissionDeniedException;

/** Asks the helper on a socket for its status, once, and says why when it cannot. */
final class HelperProbe {
  /** A helper being started by its supervisor gets this long to answer. */
  static final Duration RETRY = Duration.ofSeconds(2);

  private HelperProbe() {}

  static HelperAnswer ask(Path socket) {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return new HelperAnswer(null, HelperAnswer.ABSENT, null);
    }
    try (HelperClient c = HelperClient.connect(socket, RETRY)) {
      return new HelperAnswer(c.status(), null, null);
    } catch (PermissionDeniedException e) {
      return new HelperAnswer(null, HelperAnswer.DENIED, e.getMessage());
    } catch (HelperUnavailableException e) {
      String why = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      boolean denied = why.toLowerCase(java.util.Locale.ROOT).contains("permission denied");
      return new HelperAnswer(null, denied ? HelperAnswer.DENIED : HelperAnswer.REFUSED, why);
    } catch (IOException | RuntimeException e) {
      return new HelperAnswer(null, HelperAnswer.ERROR, e.getMessage());
    }
  }
}
