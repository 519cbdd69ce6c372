package org.agentmon.installer.systemd;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Boots the machine of a {@link Booted} field (installing {@code agentmon} unless told not to) and
 * powers it off after the class, whatever the tests did: the set-up every systemd test class shares.
 */
final class BootedMachine implements BeforeAllCallback, AfterAllCallback {
  /** Where the containers' console logs go. */
  static final Path LOGS = Path.of("target/systemd-machines");
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BootedMachine.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (Field f : context.getRequiredTestClass().getDeclaredFields()) {
      Booted booted = f.getAnnotation(Booted.class);
      if (booted == null) {
        continue;
      }
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Machine.class) {
        throw new ExtensionConfigurationException("@Booted belongs on a static Machine field, not on " + f);
      }
      Machine m = booted.installed() ? Installed.machine(LOGS) : Machine.boot(Packages.dir(), LOGS);
      context.getStore(NAMESPACE).put(f.getName(), m);
      f.setAccessible(true);
      f.set(null, m);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (Field f : context.getRequiredTestClass().getDeclaredFields()) {
      Machine m = context.getStore(NAMESPACE).remove(f.getName(), Machine.class);
      if (m != null) {
        m.close();
      }
    }
  }
}
