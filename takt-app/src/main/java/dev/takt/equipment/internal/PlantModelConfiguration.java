package dev.takt.equipment.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.AreaView;
import dev.takt.equipment.WorkCenterView;
import dev.takt.equipment.WorkUnitView;
import dev.takt.identity.SiteAccess;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link ElementService} per level of the hierarchy; they differ only in level and view. */
@Configuration(proxyBeanMethods = false)
class PlantModelConfiguration {

  @Bean
  ElementService<AreaView> areas(
      ElementRepository elements,
      SiteRepository sites,
      SiteAccess access,
      AuditTrail audit,
      Clock clock) {
    return new ElementService<>(
        ElementKind.AREA, AreaView.class, elements, sites, access, audit, clock);
  }

  @Bean
  ElementService<WorkCenterView> workCenters(
      ElementRepository elements,
      SiteRepository sites,
      SiteAccess access,
      AuditTrail audit,
      Clock clock) {
    return new ElementService<>(
        ElementKind.WORK_CENTER, WorkCenterView.class, elements, sites, access, audit, clock);
  }

  @Bean
  ElementService<WorkUnitView> workUnits(
      ElementRepository elements,
      SiteRepository sites,
      SiteAccess access,
      AuditTrail audit,
      Clock clock) {
    return new ElementService<>(
        ElementKind.WORK_UNIT, WorkUnitView.class, elements, sites, access, audit, clock);
  }
}
