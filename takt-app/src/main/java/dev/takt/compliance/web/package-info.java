/**
 * The audit pages: a module nested in compliance, because pages sit on top of the shared layout
 * (web), which asks identity who is logged in, and identity audits through compliance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit pages")
package dev.takt.compliance.web;
