package dev.takt.machines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalKey;
import dev.takt.connector.SignalValue;
import dev.takt.machines.MachineState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitTrackerTest {

  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private int second;

  private static MachineMapping mapping(MachineMapping.StateMapping state, Long max) {
    return new MachineMapping(
        "S1",
        "CNC-01",
        UUID.randomUUID(),
        "cnc",
        Map.of(
            "execution",
            "Exec",
            "speed",
            "Speed",
            "alarm",
            "Alarm",
            "text",
            "AlarmText",
            "parts",
            "Parts",
            "scrap",
            "Scrap"),
        state,
        new MachineMapping.Counter("parts", max, null),
        new MachineMapping.Counter("scrap", max, "SCR"),
        List.of(new MachineMapping.Alarm("alarm", "text")),
        List.of("speed"));
  }

  private static MachineMapping.StateTable table() {
    return new MachineMapping.StateTable(
        "execution",
        Map.of(
            "ACTIVE", MachineState.RUNNING, "STOPPED", MachineState.DOWN, "1", MachineState.SETUP),
        MachineState.IDLE);
  }

  private List<UnitTracker.Fact> send(UnitTracker t, String address, SignalValue v) {
    return t.offer(MachineSignal.good(new SignalKey("cnc", address), v, T0.plusSeconds(++second)));
  }

  private static List<MachineState> states(List<UnitTracker.Fact> facts) {
    List<MachineState> out = new ArrayList<>();
    facts.forEach(
        f -> {
          if (f instanceof UnitTracker.StateChanged c) {
            out.add(c.to());
          }
        });
    return out;
  }

  private static BigDecimal good(List<UnitTracker.Fact> facts) {
    return facts.stream()
        .filter(UnitTracker.Counted.class::isInstance)
        .map(f -> ((UnitTracker.Counted) f).good())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void theStateTagsValueTableGivesTheStateAndUnknownValuesTheFallback() {
    UnitTracker t = new UnitTracker(mapping(table(), null), MachineState.OFFLINE, T0);
    assertThat(states(send(t, "Exec", SignalValue.of("ACTIVE"))))
        .containsExactly(MachineState.RUNNING);
    assertThat(states(send(t, "Exec", SignalValue.of("STOPPED"))))
        .containsExactly(MachineState.DOWN);
    assertThat(states(send(t, "Exec", SignalValue.of("FEED_HOLD"))))
        .containsExactly(MachineState.IDLE);
    assertThat(states(send(t, "Exec", SignalValue.of(1)))).containsExactly(MachineState.SETUP);
    assertThat(states(send(t, "Exec", SignalValue.unavailable())))
        .containsExactly(MachineState.OFFLINE);
  }

  @Test
  void rulesGiveTheStateOfTheFirstRuleThatHolds() {
    MachineMapping.StateRules rules =
        new MachineMapping.StateRules(
            List.of(
                new MachineMapping.Rule(Expression.parse("alarm"), MachineState.DOWN),
                new MachineMapping.Rule(Expression.parse("speed > 0"), MachineState.RUNNING)),
            MachineState.IDLE);
    UnitTracker t = new UnitTracker(mapping(rules, null), MachineState.OFFLINE, T0);
    assertThat(states(send(t, "Speed", SignalValue.of(800)))).containsExactly(MachineState.RUNNING);
    assertThat(states(send(t, "Alarm", SignalValue.of(true)))).containsExactly(MachineState.DOWN);
    assertThat(states(send(t, "Alarm", SignalValue.of(false))))
        .containsExactly(MachineState.RUNNING);
    assertThat(states(send(t, "Speed", SignalValue.of(0)))).containsExactly(MachineState.IDLE);
  }

  @Test
  void aLostSourceIsOfflineNeverItsLastStateAndItsAlarmsClear() {
    UnitTracker t = new UnitTracker(mapping(table(), null), MachineState.OFFLINE, T0);
    send(t, "Exec", SignalValue.of("ACTIVE"));
    send(t, "AlarmText", SignalValue.of("EX1012 Coolant low"));
    send(t, "Alarm", SignalValue.of(true));
    List<UnitTracker.Fact> raised = t.settleAlarms(T0.plusSeconds(3));
    assertThat(raised)
        .contains(new UnitTracker.AlarmUp("alarm", "EX1012 Coolant low", T0.plusSeconds(3)));

    List<UnitTracker.Fact> lost = t.offline(T0.plusSeconds(10));

    assertThat(states(lost)).containsExactly(MachineState.OFFLINE);
    assertThat(lost).anyMatch(f -> f instanceof UnitTracker.AlarmDown);
    assertThat(t.state).isEqualTo(MachineState.OFFLINE);
  }

  @Test
  void theFirstCounterReadingIsABaselineAndLaterOnesCountParts() {
    UnitTracker t = new UnitTracker(mapping(table(), null), MachineState.OFFLINE, T0);
    assertThat(good(send(t, "Parts", SignalValue.of(120)))).isZero();
    assertThat(good(send(t, "Parts", SignalValue.of(121)))).isEqualByComparingTo("1");
    assertThat(good(send(t, "Parts", SignalValue.of(125)))).isEqualByComparingTo("4");
  }

  @Test
  void aCounterRollsOverAtItsMaximumAndARestartAtZeroIsAReset() {
    assertThat(UnitTracker.delta(9998.0, 2, 9999L)).isEqualTo(4); // 9999, 0, 1, 2
    assertThat(UnitTracker.delta(500.0, 3, 9999L)).isEqualTo(3); // reset to 0, then 3 parts
    assertThat(UnitTracker.delta(500.0, 3, null)).isEqualTo(3);
    assertThat(UnitTracker.delta(65535.0, 0, 65535L)).isEqualTo(1);
    assertThat(UnitTracker.delta(null, 40, 65535L)).isZero();
  }

  @Test
  void aCounterThatIsNoWholeNumberIsBadInputNotACount() {
    UnitTracker t = new UnitTracker(mapping(table(), null), MachineState.OFFLINE, T0);
    send(t, "Parts", SignalValue.of(10));
    List<UnitTracker.Fact> facts = new ArrayList<>();
    facts.addAll(send(t, "Parts", SignalValue.of("eleven")));
    facts.addAll(send(t, "Parts", SignalValue.of(-3)));
    facts.addAll(send(t, "Parts", SignalValue.of(10.5)));
    assertThat(facts).hasSize(3).allMatch(f -> f instanceof UnitTracker.Invalid);
    assertThat(good(send(t, "Parts", SignalValue.of(12)))).isEqualByComparingTo("2");
  }
}
