/**
 * The people pages and "My account": a module nested in identity, because pages sit on top of the
 * shared layout (web), which itself asks identity who is logged in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity pages")
package dev.takt.identity.web;
