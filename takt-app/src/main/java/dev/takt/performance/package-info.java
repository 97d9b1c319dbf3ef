/**
 * Performance: OEE after ISO 22400-2 (availability x performance x quality), the loss tree after
 * the six big losses, the live plant view and the shift report (ISA-95 production performance
 * analysis). See docs/oee.md for the definitions.
 *
 * <p>Listens to execution's {@link dev.takt.execution.OperationStarted}, {@link
 * dev.takt.execution.QuantityReported}, {@link dev.takt.execution.OperationCompleted}, {@link
 * dev.takt.execution.DowntimeOpened}, {@link dev.takt.execution.DowntimeClassified} and {@link
 * dev.takt.execution.DowntimeClosed} (machine data arrives the same way: the machines module books
 * machine stops as downtimes and machine counts as quantity reports) and pre-aggregates them per
 * work unit and 15-minute bucket (and per business day). The plant view also follows machines'
 * {@link dev.takt.machines.MachineStateChanged}: a machine idle, in setup or offline while a run is
 * booked shows so. Planned production time comes from the site's shift calendar ({@link
 * dev.takt.equipment.Equipment#shifts}), ideal cycle times from the order's routing snapshot
 * ({@link dev.takt.orders.ProductionOrders}), loss categories and the planned flag from the
 * downtime reasons ({@link dev.takt.reasons.Reasons}) when a view is computed, so a reason
 * re-categorised later counts under its new category at once. The recorder keeps a site's shifts
 * for a few seconds and forgets them on equipment's {@link
 * dev.takt.equipment.ShiftCalendarChanged}. Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Performance")
package dev.takt.performance;
