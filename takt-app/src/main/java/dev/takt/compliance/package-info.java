/**
 * Compliance: the audit trail every GMP-relevant change writes to (FDA 21 CFR Part 11 §11.10(e), EU
 * GMP Annex 11 §9).
 *
 * <p>Other modules call {@link dev.takt.compliance.AuditTrail} synchronously, inside their own
 * transaction, so a change and its audit record commit or roll back together. The records are
 * append-only and hash-chained; {@code GET /api/v1/audit/verify} recomputes the chain. This module
 * depends on nothing but the shared kernel, so that every module may call it.
 *
 * <p>Publishes no events; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package dev.takt.compliance;
