package dev.takt.identity;

/**
 * Tells identity which site codes exist. Implemented by the module that owns sites (equipment), so
 * that identity can refuse a user's unknown site without depending on that module.
 */
public interface SiteDirectory {
  boolean siteExists(String siteCode);
}
