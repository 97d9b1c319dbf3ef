/**
 * Traceability: material lots and serial numbers, their status (quarantine, released, blocked,
 * consumed) with the history of every change, and the genealogy graph of what was made from what
 * (ISA-95 product tracking and genealogy). Answers backward and forward traces and recall reports.
 *
 * <p>Implements {@link dev.takt.execution.LotCheck}: execution asks it before booking a lot as
 * consumed, so a lot that is not released or is past its expiry is refused at the terminal.
 * Listens, inside the booking's transaction, to {@link dev.takt.execution.MaterialConsumed} (an
 * input of an operation) and {@link dev.takt.execution.QuantityReported} (an output lot or serials
 * of an operation), and links inputs to outputs; the genealogy commits with the booking or not at
 * all. Listens to {@link dev.takt.demo.DemoPlantRequested} to seed demo lots. Publishes none.
 *
 * <p>Its base package holds no API yet: other modules reach it through the execution SPI and the
 * REST resources under {@code /api/v1/lots}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Traceability")
package dev.takt.traceability;
