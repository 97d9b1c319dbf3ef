package dev.takt.machines.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.machines.simulator.MachineSimulator;
import dev.takt.machines.simulator.SimulatorLifecycle;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo plant's machines: the connection SIM-OPCUA to the built-in simulator, through the normal
 * OPC UA connector, and machine mappings for CNC-01 and CNC-02 (state from the Execution tag) and
 * MILL-01 (state from rules on spindle speed and alarm). Seeded only when the simulator runs.
 */
@Component
class DemoMachines {

  static final String CONNECTION = "SIM-OPCUA";

  private final SimulatorLifecycle simulator;
  private final ConnectionService connections;
  private final MappingService mappings;
  private final JsonMapper json;

  DemoMachines(
      SimulatorLifecycle simulator,
      ConnectionService connections,
      MappingService mappings,
      JsonMapper json) {
    this.simulator = simulator;
    this.connections = connections;
    this.mappings = mappings;
    this.json = json;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.LATER_MODULES + 100)
  void seed(DemoPlantRequested demo) {
    simulator.simulator().ifPresent(sim -> seed(demo.siteCode(), sim));
  }

  private void seed(String site, MachineSimulator sim) {
    List<Map<String, Object>> items = new java.util.ArrayList<>();
    for (String machine : MachineSimulator.MACHINES) {
      for (String variable :
          List.of(
              "Execution",
              "SpindleSpeed",
              "SpindleLoad",
              "SpindleTemperature",
              "PartCount",
              "ScrapCount",
              "Alarm",
              "AlarmText")) {
        items.add(
            Map.of(
                "nodeId",
                MachineSimulator.nodeId(machine, variable),
                "source",
                machine,
                "samplingIntervalMs",
                250));
      }
    }
    JsonNode settings =
        json.valueToTree(
            Map.of(
                "endpointUrl",
                sim.endpointUrl(),
                "publishingIntervalMs",
                500,
                "monitoredItems",
                items));
    connections.create(
        new ConnectionService.Draft(site, CONNECTION, Protocol.OPCUA, settings, true));
    for (String machine : MachineSimulator.MACHINES) {
      Map<String, Object> state =
          machine.startsWith("MILL")
              ? Map.of(
                  "rules",
                  List.of(
                      Map.of("when", "alarm", "then", "DOWN"),
                      Map.of("when", "spindleSpeed > 0", "then", "RUNNING")),
                  "otherwise",
                  "IDLE")
              : Map.of(
                  "signal",
                  "execution",
                  "values",
                  Map.of(
                      "ACTIVE", "RUNNING",
                      "READY", "IDLE",
                      "SETUP", "SETUP",
                      "STOPPED", "DOWN",
                      "INTERRUPTED", "DOWN"),
                  "otherwise",
                  "IDLE");
      Map<String, Object> mapping =
          Map.of(
              "connection",
              CONNECTION,
              "source",
              machine,
              "signals",
              Map.of(
                  "execution", MachineSimulator.nodeId(machine, "Execution"),
                  "spindleSpeed", MachineSimulator.nodeId(machine, "SpindleSpeed"),
                  "spindleLoad", MachineSimulator.nodeId(machine, "SpindleLoad"),
                  "spindleTemperature", MachineSimulator.nodeId(machine, "SpindleTemperature"),
                  "partCount", MachineSimulator.nodeId(machine, "PartCount"),
                  "scrapCount", MachineSimulator.nodeId(machine, "ScrapCount"),
                  "alarm", MachineSimulator.nodeId(machine, "Alarm"),
                  "alarmText", MachineSimulator.nodeId(machine, "AlarmText")),
              "state",
              state,
              "partCounter",
              Map.of("signal", "partCount", "max", 2147483647L),
              "scrapCounter",
              Map.of("signal", "scrapCount", "max", 2147483647L, "reason", "SCR-DIM"),
              "alarms",
              List.of(Map.of("signal", "alarm", "text", "alarmText")),
              "processValues",
              List.of("spindleSpeed", "spindleLoad", "spindleTemperature"));
      mappings.put(site, machine, json.valueToTree(mapping), null);
    }
  }
}
