/**
 * Web: what every page and endpoint shares. The layout and navigation, the home page, the error
 * format (RFC 9457 problems for every API error) and the request size limit. Each module's own
 * pages live in that module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.takt.web;
