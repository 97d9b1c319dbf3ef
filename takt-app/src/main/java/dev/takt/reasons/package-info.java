/**
 * Reasons: the reason-code catalogues of the plant — why a machine stood still (downtime), why a
 * piece was scrapped, why it went to rework. Each catalogue is a small tree: categories group
 * reasons, and only active leaves that are not categories can be booked.
 *
 * <p>DESIGN.md has no module for this. Reason codes are enterprise-wide master data that execution
 * (bookings), quality (non-conformances) and performance (OEE loss Pareto) all speak, so they live
 * in a small module of their own instead of inside one of their users. They are <b>not
 * site-scoped</b>: one catalogue serves every site, so that losses compare across plants; any
 * logged-in role may read them, and ADMIN, SUPERVISOR, QUALITY and INTEGRATION may change them.
 *
 * <p>Other modules ask {@link dev.takt.reasons.Reasons} whether a code can be booked. Every change
 * is audited through compliance (entity type {@code reason}, key {@code KIND/CODE}). Publishes no
 * events; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reasons")
package dev.takt.reasons;
