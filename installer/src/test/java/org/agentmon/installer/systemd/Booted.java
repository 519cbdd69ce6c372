package org.agentmon.installer.systemd;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a test class's {@code static Machine} field: one machine booted before the class's first test
 * (and its {@code @BeforeAll} methods) and powered off after its last, by {@link BootedMachine}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BootedMachine.class)
@interface Booted {
  /** @return whether {@code agentmon} is installed and answering before the tests start */
  boolean installed() default true;
}
