/**
 * Orders: production orders from the ERP, their release (a snapshot of routing and BOM) and their
 * operations, and the order status machine (ISA-95 production dispatching's input).
 *
 * <p>Other modules read orders through {@link dev.takt.orders.ProductionOrders}; execution reports
 * progress through it synchronously, inside its own transaction (orders never calls execution).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
package dev.takt.orders;
