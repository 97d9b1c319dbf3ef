package dev.takt.product;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkCenterView;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * TEST-ONLY STAND-IN for the equipment module, which is being built in parallel and has no
 * implementation in this branch. Holds sites and work centers in memory; tests fill it. Delete this
 * class once the real {@link Equipment} bean is merged (two beans of the type would clash), and let
 * the tests create sites and work centers through the equipment API instead.
 */
@Component
public class TestPlant implements Equipment {

  private final Set<String> sites = ConcurrentHashMap.newKeySet();
  private final Map<String, WorkCenterView> workCenters = new ConcurrentHashMap<>();

  public void aSite(String site) {
    sites.add(site);
  }

  public void aWorkCenter(String site, String code, boolean active) {
    aSite(site);
    workCenters.put(
        site + "/" + code,
        new WorkCenterView(UUID.randomUUID(), site, "A1", code, "Work center " + code, active, 1));
  }

  @Override
  public Optional<WorkCenterView> workCenter(String siteCode, String workCenterCode) {
    return Optional.ofNullable(workCenters.get(siteCode + "/" + workCenterCode));
  }

  @Override
  public boolean siteExists(String siteCode) {
    return sites.contains(siteCode);
  }
}
