package dev.takt.machines.internal;

import dev.takt.machines.MachineState;
import dev.takt.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a machine mapping from its JSON, strictly (see {@link Settings}): every name used must be
 * declared under {@code signals}, every rule must parse, every state must be one a machine can be
 * in (OFFLINE comes only from a lost connection).
 */
final class MappingParser {

  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");
  static final int MAX_SIGNALS = 200;
  static final long MAX_COUNTER = 1L << 53;

  private MappingParser() {}

  /** The parts of the JSON that name the connection, read first to look it up. */
  record Head(String connection, String source) {}

  static Head head(JsonNode json) {
    Settings s = Settings.root(json, "");
    return new Head(s.text("connection", true, 60), s.text("source", true, 512));
  }

  static MachineMapping parse(String site, String workUnit, UUID connection, JsonNode json) {
    Settings s = Settings.root(json, "");
    s.text("connection", true, 60);
    String source = s.text("source", true, 512);
    Map<String, String> signals = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : s.entries("signals", MAX_SIGNALS)) {
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new InvalidInputException(
            "signals." + e.getKey(), "a signal name is 1-40 letters, digits or '_'");
      }
      JsonNode address = e.getValue();
      if (!address.isString()
          || address.stringValue().isBlank()
          || address.stringValue().length() > 512) {
        throw new InvalidInputException(
            "signals." + e.getKey(), "must be the signal's address (1-512 characters)");
      }
      signals.put(e.getKey(), address.stringValue());
    }
    if (signals.isEmpty()) {
      throw s.invalid("signals", "name at least one signal");
    }
    MachineMapping.StateMapping state = state(s.object("state", true), signals);
    MachineMapping.Counter parts = counter(s.object("partCounter", false), signals, false);
    MachineMapping.Counter scrap = counter(s.object("scrapCounter", false), signals, true);
    List<MachineMapping.Alarm> alarms = new ArrayList<>();
    for (Settings a : s.objects("alarms", false, 50)) {
      String signal = declared(a, "signal", signals, true);
      String text = declared(a, "text", signals, false);
      a.noOthers();
      alarms.add(new MachineMapping.Alarm(signal, text));
    }
    List<String> processValues = s.texts("processValues", MAX_SIGNALS, 40);
    for (int i = 0; i < processValues.size(); i++) {
      if (!signals.containsKey(processValues.get(i))) {
        throw new InvalidInputException(
            "processValues[" + i + "]", "'" + processValues.get(i) + "' is not under signals");
      }
    }
    s.noOthers();
    return new MachineMapping(
        site, workUnit, connection, source, signals, state, parts, scrap, alarms, processValues);
  }

  private static MachineMapping.StateMapping state(Settings s, Map<String, String> signals) {
    MachineState otherwise = machineState(s, "otherwise", MachineState.IDLE);
    boolean table = s.has("signal");
    boolean rules = s.has("rules");
    if (table == rules) {
      throw s.invalid(null, "give either signal with values (a state tag) or rules");
    }
    MachineMapping.StateMapping result;
    if (table) {
      String signal = declared(s, "signal", signals, true);
      Map<String, MachineState> values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : s.entries("values", 200)) {
        if (e.getKey().length() > 100) {
          throw s.invalid("values", "a value is at most 100 characters");
        }
        values.put(e.getKey(), stateName(e.getValue(), s.field("values") + "." + e.getKey()));
      }
      if (values.isEmpty()) {
        throw s.invalid("values", "map at least one value of the state tag to a state");
      }
      result = new MachineMapping.StateTable(signal, values, otherwise);
    } else {
      List<MachineMapping.Rule> list = new ArrayList<>();
      for (Settings r : s.objects("rules", true, 20)) {
        String when = r.text("when", true, Expression.MAX_LENGTH);
        Expression expression;
        try {
          expression = Expression.parse(when);
        } catch (IllegalArgumentException e) {
          throw r.invalid("when", e.getMessage());
        }
        for (String name : expression.names()) {
          if (!signals.containsKey(name)) {
            throw r.invalid("when", "'" + name + "' is not under signals");
          }
        }
        MachineState then = machineState(r, "then", null);
        r.noOthers();
        list.add(new MachineMapping.Rule(expression, then));
      }
      if (list.isEmpty()) {
        throw s.invalid("rules", "give at least one rule");
      }
      result = new MachineMapping.StateRules(list, otherwise);
    }
    s.noOthers();
    return result;
  }

  private static MachineMapping.Counter counter(
      Settings s, Map<String, String> signals, boolean scrap) {
    if (s == null) {
      return null;
    }
    String signal = declared(s, "signal", signals, true);
    long max = s.integer("max", 0, 1, MAX_COUNTER);
    String reason = null;
    if (scrap) {
      reason = s.text("reason", true, 30);
      if (!reason.matches("[A-Z0-9][A-Z0-9_-]{0,29}")) {
        throw s.invalid("reason", "must be a reason code: 1-30 capitals, digits, '-' or '_'");
      }
    }
    s.noOthers();
    return new MachineMapping.Counter(signal, max == 0 ? null : max, reason);
  }

  private static String declared(
      Settings s, String key, Map<String, String> signals, boolean required) {
    String name = s.text(key, required, 40);
    if (name != null && !signals.containsKey(name)) {
      throw s.invalid(key, "'" + name + "' is not under signals");
    }
    return name;
  }

  private static MachineState machineState(Settings s, String key, MachineState fallback) {
    MachineState state = s.choice(key, MachineState.class, fallback);
    if (state == MachineState.OFFLINE) {
      throw s.invalid(key, "OFFLINE is for lost connections only");
    }
    return state;
  }

  private static MachineState stateName(JsonNode v, String field) {
    if (!v.isString()) {
      throw new InvalidInputException(field, "must be RUNNING, IDLE, DOWN or SETUP");
    }
    try {
      MachineState state = MachineState.valueOf(v.stringValue());
      if (state != MachineState.OFFLINE) {
        return state;
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new InvalidInputException(field, "must be RUNNING, IDLE, DOWN or SETUP");
  }
}
