/**
 * Machines: machine connectivity and machine data (ISA-95 data collection from equipment). Keeps
 * the connections to machines (OPC UA, MTConnect, MQTT / Sparkplug B, through the adapters of the
 * {@code takt-connector-*} modules), stores every signal durably (with a disk spool while the
 * database is away), maps each work unit's signals to its machine state, part and scrap counts,
 * alarms and process values, and runs the built-in OPC UA simulator of the demo plant.
 *
 * <p>Books into execution through {@link dev.takt.execution.MachineBookings}: a DOWN state opens an
 * unclassified downtime, counter increments are booked on the running operation. Publishes {@link
 * dev.takt.machines.MachineStateChanged}, {@link dev.takt.machines.AlarmRaised} and {@link
 * dev.takt.machines.AlarmCleared} (for OEE). Listens to {@link dev.takt.demo.DemoPlantRequested}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Machines")
package dev.takt.machines;
