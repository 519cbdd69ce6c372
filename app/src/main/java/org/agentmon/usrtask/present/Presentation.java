package org.agentmon.usrtask.present;

import org.agentmon.icons.TrayState;

/**
 * What to show for one {@link Situation}.
 *
 * @param sentence the whole situation in one plain sentence (window header, first menu line)
 * @param secondary one more line: why, since when, what happens next; may be empty
 * @param icon the tray icon's state
 * @param primary the one action that fits, or null when all is well
 * @param canRestart whether Restart may be pressed now
 * @param canStopOrStart whether Stop (or Start, when off) may be pressed now
 * @param helperOff whether the helper is off, so the Stop/Start action says Start
 * @param adminOnly why admin actions are disabled for this user, or null
 * @param progress the step of the action this user asked for ("Asking AgentMon to restart"), said
 *     beside its buttons and nowhere else (the sentence says what happens); empty when none runs
 */
public record Presentation(String sentence, String secondary, TrayState icon, Action primary, boolean canRestart,
    boolean canStopOrStart, boolean helperOff, String adminOnly, String progress) {

  /** @return the action of the Stop/Start button and menu item */
  public Action stopOrStart() {
    return helperOff ? Action.START : Action.STOP;
  }

  /** @return the sentence and, when there is one, the secondary line, for a terminal */
  public String line() {
    return secondary.isEmpty() ? sentence : sentence + " — " + secondary;
  }
}
