package dev.takt;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of DESIGN.md, checked on every build. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(TaktApplication.class);

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
