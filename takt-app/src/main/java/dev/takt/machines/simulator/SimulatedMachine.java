package dev.takt.machines.simulator;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated machine tool: it cycles and counts parts (now and then a scrap part), waits idle,
 * is set up, and stops with an alarm that clears after a while. Its variables are those an OPC UA
 * server of a CNC would show (see {@link #VARIABLES}). One {@link #tick} is one second of its life.
 */
final class SimulatedMachine {

  /** The variables of each machine and their first values. */
  static final Map<String, Object> VARIABLES =
      Map.of(
          "Execution",
          "READY",
          "SpindleSpeed",
          0.0,
          "SpindleLoad",
          0.0,
          "SpindleTemperature",
          22.0,
          "PartCount",
          0,
          "ScrapCount",
          0,
          "Alarm",
          false,
          "AlarmText",
          "");

  private static final List<String> ALARMS =
      List.of(
          "EX1012 Coolant level low",
          "SV0401 Servo alarm: axis X not ready",
          "OT0500 Overtravel +Z",
          "TL0104 Tool life expired T12",
          "SP9020 Spindle overload");

  enum Phase {
    RUNNING,
    IDLE,
    SETUP,
    DOWN
  }

  private final String name;
  private final Random random;
  private final int cycleSeconds;
  private Phase phase = Phase.RUNNING;
  private int inPhase;
  private int inCycle;
  private int parts;
  private int scrap;
  private double temperature = 22;

  SimulatedMachine(String name, long seed, int cycleSeconds) {
    this.name = name;
    this.random = new Random(seed);
    this.cycleSeconds = cycleSeconds;
  }

  String name() {
    return name;
  }

  /** One second; returns the variables that changed, by name. */
  Map<String, Object> tick() {
    inPhase++;
    Map<String, Object> changed = new java.util.HashMap<>();
    Phase before = phase;
    switch (phase) {
      case RUNNING -> {
        inCycle++;
        if (inCycle >= cycleSeconds) {
          inCycle = 0;
          if (random.nextInt(100) < 5) {
            scrap++;
            changed.put("ScrapCount", scrap);
          } else {
            parts++;
            changed.put("PartCount", parts);
          }
        }
        if (inPhase > 30 && random.nextInt(120) == 0) {
          phase = Phase.DOWN;
          changed.put("Alarm", true);
          changed.put("AlarmText", ALARMS.get(random.nextInt(ALARMS.size())));
        } else if (inPhase > 30 && random.nextInt(90) == 0) {
          phase = Phase.IDLE;
        } else if (inPhase > 60 && random.nextInt(400) == 0) {
          phase = Phase.SETUP;
        }
      }
      case IDLE -> {
        if (inPhase > 5 && random.nextInt(12) == 0) {
          phase = Phase.RUNNING;
        }
      }
      case SETUP -> {
        if (inPhase > 20 && random.nextInt(15) == 0) {
          phase = Phase.RUNNING;
        }
      }
      case DOWN -> {
        if (inPhase > 20 && random.nextInt(20) == 0) {
          phase = Phase.RUNNING;
          changed.put("Alarm", false);
          changed.put("AlarmText", "");
        }
      }
    }
    if (phase != before) {
      inPhase = 0;
      changed.put(
          "Execution",
          switch (phase) {
            case RUNNING -> "ACTIVE";
            case IDLE -> "READY";
            case SETUP -> "SETUP";
            case DOWN -> "STOPPED";
          });
    }
    boolean spinning = phase == Phase.RUNNING;
    double speed = spinning ? 2400 + random.nextInt(200) - 100 : 0;
    changed.put("SpindleSpeed", speed);
    changed.put("SpindleLoad", spinning ? 55 + random.nextDouble() * 20 : 0.0);
    temperature += ((spinning ? 46 : 22) - temperature) * 0.05 + random.nextGaussian() * 0.1;
    changed.put("SpindleTemperature", Math.round(temperature * 10) / 10.0);
    return changed;
  }
}
