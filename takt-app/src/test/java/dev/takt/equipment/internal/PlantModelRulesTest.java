package dev.takt.equipment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.equipment.WorkUnitView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlantModelRulesTest {

  final Site plant = Site.open("P1", "Plant 1", "Europe/Berlin");
  final PlantElement assembly =
      PlantElement.create(ElementKind.AREA, "P1", null, "ASM", "Assembly");
  final PlantElement line10 =
      PlantElement.create(ElementKind.WORK_CENTER, "P1", assembly.asParent(), "WC-10", "Line 10");

  @Test
  void opensASiteInAnIanaTimeZone() {
    assertThat(plant.view().timeZone()).isEqualTo("Europe/Berlin");
    assertThat(plant.active()).isTrue();
  }

  @Test
  void refusesAnUnknownTimeZone() {
    var e =
        assertThrows(
            InvalidInputException.class, () -> Site.open("P2", "Plant 2", "Europe/Atlantis"));
    assertThat(e.field()).isEqualTo("timeZone");
  }

  @Test
  void refusesAFixedOffsetThatKnowsNoDaylightSaving() {
    var e = assertThrows(InvalidInputException.class, () -> Site.open("P2", "Plant 2", "+02:00"));
    assertThat(e.field()).isEqualTo("timeZone");
  }

  @Test
  void refusesToCloseASiteWithActiveAreas() {
    var e = assertThrows(ConflictException.class, () -> plant.deactivated(2));
    assertThat(e.getMessage()).contains("2 active area");
  }

  @Test
  void refusesToDeactivateAWorkCenterWithActiveWorkUnits() {
    var e = assertThrows(ConflictException.class, () -> line10.deactivated(3));
    assertThat(e.getMessage()).contains("P1/WC-10", "3 active work-unit");
  }

  @Test
  void deactivatesAWorkCenterWithoutActiveWorkUnits() {
    assertThat(line10.deactivated(0).active()).isFalse();
  }

  @Test
  void refusesToCreateAWorkUnitUnderAnInactiveWorkCenter() {
    PlantElement closed = line10.deactivated(0);
    var e =
        assertThrows(
            ConflictException.class,
            () ->
                PlantElement.create(
                    ElementKind.WORK_UNIT, "P1", closed.asParent(), "M-1", "Press"));
    assertThat(e.field()).isEqualTo("workCenter");
  }

  @Test
  void movesAWorkUnitToAnotherWorkCenterAndItsArea() {
    // given
    PlantElement press =
        PlantElement.create(ElementKind.WORK_UNIT, "P1", line10.asParent(), "M-1", "Press");
    PlantElement painting = PlantElement.create(ElementKind.AREA, "P1", null, "PNT", "Painting");
    PlantElement line20 =
        PlantElement.create(ElementKind.WORK_CENTER, "P1", painting.asParent(), "WC-20", "Line 20");

    // when
    WorkUnitView moved = (WorkUnitView) press.movedTo(line20.asParent()).view();

    // then
    assertThat(moved.workCenterCode()).isEqualTo("WC-20");
    assertThat(moved.areaCode()).isEqualTo("PNT");
  }

  @Test
  void refusesToMoveUnderAnInactiveArea() {
    PlantElement closedArea =
        PlantElement.create(ElementKind.AREA, "P1", null, "OLD", "Old hall").deactivated(0);
    var e = assertThrows(ConflictException.class, () -> line10.movedTo(closedArea.asParent()));
    assertThat(e.field()).isEqualTo("area");
  }

  @Test
  void refusesToReactivateUnderAnInactiveParent() {
    PlantElement closed = line10.deactivated(0);
    assertThrows(ConflictException.class, () -> closed.reactivated(false));
    assertThat(closed.reactivated(true).active()).isTrue();
  }
}
