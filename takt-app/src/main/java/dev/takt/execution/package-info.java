/**
 * Execution: shop-floor data collection (ISA-95 production execution and data collection).
 * Operators start, pause, resume and complete operations of released orders on work units, report
 * good, scrap and rework with reasons, clock on and off (labour time tickets), record downtime per
 * work unit and book material consumption. Every booking is audited and becomes a confirmation for
 * the ERP in an outbox (read by cursor or pushed to a webhook).
 *
 * <p>Reads orders and reports their progress through {@link dev.takt.orders.ProductionOrders}
 * (synchronously, in the booking's transaction); resolves work units through {@link
 * dev.takt.equipment.Equipment} and reasons through {@link dev.takt.reasons.Reasons}.
 *
 * <p>Publishes {@link dev.takt.execution.OperationStarted}, {@link
 * dev.takt.execution.OperationPaused}, {@link dev.takt.execution.OperationResumed}, {@link
 * dev.takt.execution.QuantityReported}, {@link dev.takt.execution.OperationCompleted}, {@link
 * dev.takt.execution.DowntimeOpened}, {@link dev.takt.execution.DowntimeClassified}, {@link
 * dev.takt.execution.DowntimeClosed} and {@link dev.takt.execution.MaterialConsumed}. Listens to
 * none.
 *
 * <p>Declares the {@link dev.takt.execution.LotCheck} SPI: before a lot is booked as consumed, the
 * module that owns lots (traceability) may refuse it (not released, expired, unknown).
 *
 * <p>Offers {@link dev.takt.execution.MachineBookings} to the machines module: downtimes opened and
 * closed by machine state and counts booked on the running operation, as the system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Execution")
package dev.takt.execution;
