package dev.takt.machines.internal;

import dev.takt.connector.MachineSignal;
import dev.takt.connector.SignalQuality;
import dev.takt.connector.SignalValue;
import dev.takt.machines.MachineState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The state engine's picture of one work unit: the last value of each mapped signal, the state
 * derived from them and since when, the counter baselines, the downtime it opened and the alarms
 * that are up. {@link #offer} takes one signal and says what became of it as {@link Fact}s, which
 * the engine then stores; the tracker itself touches no database. Not thread-safe: the engine holds
 * its lock.
 */
final class UnitTracker {

  /** What a signal changed, in the order it happened. */
  sealed interface Fact {}

  record StateChanged(MachineState from, MachineState to, Instant at) implements Fact {}

  record Counted(BigDecimal good, BigDecimal scrap, Instant at) implements Fact {}

  record AlarmUp(String alarm, String text, Instant at) implements Fact {}

  record AlarmDown(String alarm, Instant at) implements Fact {}

  record AlarmText(String alarm, String text) implements Fact {}

  record Invalid(String reason, String sample) implements Fact {}

  final MachineMapping mapping;
  private final Map<String, List<String>> namesByAddress = new HashMap<>();
  private final Map<String, SignalValue> values = new HashMap<>();
  MachineState state;
  Instant since;
  Double partCount;
  Double scrapCount;
  UUID downtimeId;
  final Map<String, Instant> alarmsUp = new LinkedHashMap<>();
  final Map<String, String> alarmTexts = new LinkedHashMap<>();
  boolean stale;

  UnitTracker(MachineMapping mapping, MachineState state, Instant since) {
    this.mapping = mapping;
    this.state = state;
    this.since = since;
    mapping
        .signals()
        .forEach(
            (name, address) ->
                namesByAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(name));
  }

  boolean reads(String address) {
    return namesByAddress.containsKey(address);
  }

  /** Takes one signal of this unit's source; returns what it changed. */
  List<Fact> offer(MachineSignal signal) {
    List<String> names = namesByAddress.get(signal.key().address());
    if (names == null) {
      return List.of();
    }
    List<Fact> facts = new ArrayList<>();
    Instant at = signal.sourceTime().isBefore(since) ? since : signal.sourceTime();
    SignalValue value =
        signal.quality() == SignalQuality.BAD ? SignalValue.unavailable() : signal.value();
    for (String name : names) {
      values.put(name, value);
    }
    for (String name : names) {
      counter(name, mapping.partCounter(), false, value, at, facts);
      counter(name, mapping.scrapCounter(), true, value, at, facts);
    }
    MachineState next = derive();
    if (next != null && next != state) {
      facts.add(new StateChanged(state, next, at));
      state = next;
      since = at;
    }
    return facts;
  }

  /**
   * Raises and clears alarms from the values after a batch: an alarm bit and its text usually come
   * in one batch, in no particular order, so the alarm is raised with its text.
   */
  List<Fact> settleAlarms(Instant at) {
    List<Fact> facts = new ArrayList<>();
    alarms(at.isBefore(since) ? since : at, facts);
    return facts;
  }

  /**
   * Takes the latest stored values of a source that is online (after the mapping was created or
   * changed, when the machine sends nothing new until something changes): counters get their
   * baseline without counting, the state and alarms follow from the values.
   */
  List<Fact> prime(Map<String, SignalValue> latestByAddress, Instant at) {
    List<Fact> facts = new ArrayList<>();
    Instant when = at.isBefore(since) ? since : at;
    latestByAddress.forEach(
        (address, value) -> {
          for (String name : namesByAddress.getOrDefault(address, List.of())) {
            values.put(name, value);
            if (value instanceof SignalValue.Numeric n && n.value() >= 0) {
              if (mapping.partCounter() != null
                  && mapping.partCounter().signal().equals(name)
                  && partCount == null) {
                partCount = n.value();
                facts.add(new Counted(BigDecimal.ZERO, BigDecimal.ZERO, when));
              }
              if (mapping.scrapCounter() != null
                  && mapping.scrapCounter().signal().equals(name)
                  && scrapCount == null) {
                scrapCount = n.value();
                facts.add(new Counted(BigDecimal.ZERO, BigDecimal.ZERO, when));
              }
            }
          }
        });
    alarms(when, facts);
    MachineState next = derive();
    if (next != null && next != state) {
      facts.add(new StateChanged(state, next, when));
      state = next;
      since = when;
    }
    return facts;
  }

  /** The addresses this tracker reads. */
  java.util.Set<String> addresses() {
    return namesByAddress.keySet();
  }

  /** The source went away: OFFLINE, and what it showed is no longer known. */
  List<Fact> offline(Instant at) {
    List<Fact> facts = new ArrayList<>();
    values.clear();
    Instant when = at.isBefore(since) ? since : at;
    for (String alarm : List.copyOf(alarmsUp.keySet())) {
      alarmsUp.remove(alarm);
      alarmTexts.remove(alarm);
      facts.add(new AlarmDown(alarm, when));
    }
    if (state != MachineState.OFFLINE) {
      facts.add(new StateChanged(state, MachineState.OFFLINE, when));
      state = MachineState.OFFLINE;
      since = when;
    }
    return facts;
  }

  private void counter(
      String name,
      MachineMapping.Counter counter,
      boolean scrap,
      SignalValue value,
      Instant at,
      List<Fact> facts) {
    if (counter == null || !counter.signal().equals(name)) {
      return;
    }
    if (value instanceof SignalValue.Unavailable) {
      return;
    }
    if (!(value instanceof SignalValue.Numeric n)
        || n.value() < 0
        || n.value() != Math.rint(n.value())
        || n.value() > MappingParser.MAX_COUNTER) {
      facts.add(
          new Invalid(
              (scrap ? "scrap" : "part") + " counter '" + name + "' is not a whole number >= 0",
              String.valueOf(value)));
      return;
    }
    double current = n.value();
    Double previous = scrap ? scrapCount : partCount;
    long delta = delta(previous, current, counter.max());
    if (scrap) {
      scrapCount = current;
    } else {
      partCount = current;
    }
    if (delta > 0) {
      BigDecimal d = BigDecimal.valueOf(delta);
      facts.add(scrap ? new Counted(BigDecimal.ZERO, d, at) : new Counted(d, BigDecimal.ZERO, at));
    } else if (delta == 0 && previous != null && previous != current) {
      // baseline moved without parts (nothing to book), stored with the next fact
      facts.add(new Counted(BigDecimal.ZERO, BigDecimal.ZERO, at));
    } else if (previous == null) {
      facts.add(new Counted(BigDecimal.ZERO, BigDecimal.ZERO, at));
    }
  }

  /**
   * Parts counted between two readings of a counter. The first reading is only a baseline. A
   * reading below the one before is a roll-over when the counter has a maximum and fell by more
   * than half of it (it passed {@code max} and began again at 0), otherwise a reset (to 0 by the
   * operator or a new program): the parts since the reset are the reading itself.
   */
  static long delta(Double previous, double current, Long max) {
    if (previous == null) {
      return 0;
    }
    if (current >= previous) {
      return (long) (current - previous);
    }
    if (max != null && previous - current > max / 2.0) {
      return (long) (max - previous) + (long) current + 1;
    }
    return (long) current;
  }

  private void alarms(Instant at, List<Fact> facts) {
    for (MachineMapping.Alarm alarm : mapping.alarms()) {
      SignalValue v = values.get(alarm.signal());
      boolean active = Expression.truth(v);
      boolean up = alarmsUp.containsKey(alarm.signal());
      if (active && !up) {
        String text = textOf(alarm.text() != null ? values.get(alarm.text()) : v);
        if (text == null) {
          text = alarm.signal();
        }
        alarmsUp.put(alarm.signal(), at);
        alarmTexts.put(alarm.signal(), text);
        facts.add(new AlarmUp(alarm.signal(), text, at));
      } else if (active && up && alarm.text() != null) {
        String text = textOf(values.get(alarm.text()));
        if (text != null && !text.equals(alarmTexts.get(alarm.signal()))) {
          alarmTexts.put(alarm.signal(), text);
          facts.add(new AlarmText(alarm.signal(), text));
        }
      } else if (!active && up && v != null) {
        alarmsUp.remove(alarm.signal());
        alarmTexts.remove(alarm.signal());
        facts.add(new AlarmDown(alarm.signal(), at));
      }
    }
  }

  private static String textOf(SignalValue v) {
    return v instanceof SignalValue.Text t && !t.value().isBlank() ? t.value() : null;
  }

  /** The state the values say, or null when they say nothing yet. */
  private MachineState derive() {
    return switch (mapping.state()) {
      case MachineMapping.StateTable t -> {
        SignalValue v = values.get(t.signal());
        if (v == null) {
          yield null;
        }
        if (v instanceof SignalValue.Unavailable) {
          yield MachineState.OFFLINE;
        }
        yield t.values().getOrDefault(key(v), t.otherwise());
      }
      case MachineMapping.StateRules r -> {
        boolean any = false;
        for (MachineMapping.Rule rule : r.rules()) {
          for (String name : rule.when().names()) {
            any |= values.containsKey(name);
          }
        }
        if (!any) {
          yield null;
        }
        for (MachineMapping.Rule rule : r.rules()) {
          if (rule.when().test(values::get)) {
            yield rule.then();
          }
        }
        yield r.otherwise();
      }
    };
  }

  /** A value as the state table's keys are written: numbers without ".0", flags true/false. */
  static String key(SignalValue v) {
    return switch (v) {
      case SignalValue.Numeric n ->
          n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
              ? Long.toString((long) n.value())
              : Double.toString(n.value());
      case SignalValue.Text t -> t.value();
      case SignalValue.Flag f -> Boolean.toString(f.value());
      case SignalValue.Unavailable u -> "";
    };
  }
}
