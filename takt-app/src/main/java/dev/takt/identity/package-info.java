/**
 * Identity: users, their roles and the sites they may act on; login by form, HTTP Basic, API token
 * and, at a shared terminal, badge + PIN; account lockout.
 *
 * <p>Other modules use {@link dev.takt.identity.SiteAccess} to check the caller's sites, and
 * implement {@link dev.takt.identity.SiteDirectory} so that identity can check site codes without
 * depending on the equipment module. Every change to a user is audited through compliance.
 * Publishes no events; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.takt.identity;
