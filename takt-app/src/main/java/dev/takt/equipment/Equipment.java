package dev.takt.equipment;

import java.util.Optional;

/** What other modules may ask of the plant model. */
public interface Equipment {

  /** The work center with this code at this site, active or not. */
  Optional<WorkCenterView> workCenter(String siteCode, String workCenterCode);

  boolean siteExists(String siteCode);
}
