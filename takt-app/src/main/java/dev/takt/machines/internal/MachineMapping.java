package dev.takt.machines.internal;

import dev.takt.machines.MachineState;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How one work unit's signals become shop-floor facts. Signals are named once ({@code signals}:
 * name → address at the connection's {@code source}); everything else refers to those names.
 *
 * @param state from a state tag's value table, or from rules (first rule that holds wins)
 * @param partCounter the counter of good parts, or null
 * @param scrapCounter the counter of scrap parts, or null
 * @param alarms signals that are alarms when true, each with an optional text signal
 * @param processValues names of signals kept and charted as process values
 */
public record MachineMapping(
    String site,
    String workUnit,
    UUID connection,
    String source,
    Map<String, String> signals,
    StateMapping state,
    Counter partCounter,
    Counter scrapCounter,
    List<Alarm> alarms,
    List<String> processValues) {

  /** The state of a work unit from its signals. */
  public sealed interface StateMapping {
    MachineState otherwise();
  }

  /** A state tag: its value (as text, numbers without ".0") looked up in a table. */
  public record StateTable(String signal, Map<String, MachineState> values, MachineState otherwise)
      implements StateMapping {}

  /** Rules in order; the first that holds gives the state. */
  public record StateRules(List<Rule> rules, MachineState otherwise) implements StateMapping {}

  public record Rule(Expression when, MachineState then) {}

  /**
   * A counter that only grows, until it rolls over after {@code max} (to 0) or is reset.
   *
   * @param max the largest value before it rolls over to 0, or null when it never does
   * @param reason the SCRAP reason to book a scrap counter's parts with
   */
  public record Counter(String signal, Long max, String reason) {}

  public record Alarm(String signal, String text) {}
}
