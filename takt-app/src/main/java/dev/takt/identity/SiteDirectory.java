package dev.takt.identity;

import java.util.List;

/**
 * Tells identity which site codes exist. Implemented by the module that owns sites (equipment), so
 * that identity can refuse a user's unknown site without depending on that module.
 */
public interface SiteDirectory {
  boolean siteExists(String siteCode);

  /** The codes of all active sites, sorted: the sites an administrator can switch to. */
  List<String> activeSiteCodes();
}
