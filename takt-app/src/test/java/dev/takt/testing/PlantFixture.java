package dev.takt.testing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A plant model for tests of other modules, built through the real equipment API as an
 * administrator: {@code plant.aWorkCenter("S1", "SAW", true)} opens site S1 with an area on first
 * use and adds the work center (deactivated when {@code active} is false).
 */
public final class PlantFixture {

  private final Api api;
  private final Set<String> sites = new HashSet<>();

  public PlantFixture(Api api) {
    this.api = api;
  }

  /** Opens the site (with one area) unless it exists already, e.g. from another test class. */
  public void aSite(String site) {
    if (sites.add(site) && api.asAdmin().get("/api/v1/sites/" + site).status() == 404) {
      api.asAdmin()
          .post(
              "/api/v1/sites",
              Map.of("code", site, "name", "Plant " + site, "timeZone", "Europe/Berlin"))
          .expect(201);
      api.asAdmin()
          .post("/api/v1/areas", Map.of("site", site, "code", "AREA", "name", "Production hall"))
          .expect(201);
    }
  }

  public void aWorkCenter(String site, String code, boolean active) {
    aSite(site);
    String id =
        api.asAdmin()
            .post(
                "/api/v1/work-centers",
                Map.of("site", site, "area", "AREA", "code", code, "name", "Work center " + code))
            .expect(201)
            .json()
            .path("id")
            .asString();
    if (!active) {
      api.asAdmin().delete("/api/v1/work-centers/" + id).expect(204);
    }
  }

  /** Deactivates a work center that exists, as a plant engineer would after drafting a routing. */
  public void deactivateWorkCenter(String site, String code) {
    deactivate("work-centers", site, code);
  }

  /** Deactivates a work unit that exists, as when a machine is taken out of the plant. */
  public void deactivateWorkUnit(String site, String code) {
    deactivate("work-units", site, code);
  }

  private void deactivate(String level, String site, String code) {
    String id =
        api.asAdmin()
            .get("/api/v1/" + level + "?site=" + site + "&code=" + code)
            .expect(200)
            .json()
            .path("items")
            .get(0)
            .path("id")
            .asString();
    api.asAdmin().delete("/api/v1/" + level + "/" + id).expect(204);
  }
}
