package dev.takt;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md, checked on every build. */
class ModularityTests {

  /**
   * The machine-connector adapters (takt-connector-*) share the root package but are libraries of
   * their own Maven modules, not business modules of the server: the machines module uses their
   * config records and connectors, as it would any library's.
   */
  private final ApplicationModules modules =
      ApplicationModules.of(
          TaktApplication.class,
          com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
              "dev.takt.connector.."));

  @Test
  void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    // target/spring-modulith-docs: a component diagram and a canvas per module, for reviewers.
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
