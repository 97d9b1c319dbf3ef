package dev.takt.reasons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReasonCatalogueTest {

  /** A catalogue kept like the service keeps it: each accepted change is stored, then reloaded. */
  private static final class Plant {
    private final ReasonKind kind;
    private final List<Reason> stored = new ArrayList<>();

    Plant(ReasonKind kind) {
      this.kind = kind;
    }

    ReasonCatalogue catalogue() {
      return new ReasonCatalogue(kind, stored);
    }

    Reason category(String code, String parent, Boolean planned, LossCategory loss) {
      return add(code, draft(parent, true, true, planned, loss));
    }

    Reason reason(String code, String parent, Boolean planned, LossCategory loss) {
      return add(code, draft(parent, false, true, planned, loss));
    }

    Reason add(String code, ReasonDraft draft) {
      Reason r = catalogue().define(UUID.randomUUID(), code, draft);
      stored.add(r);
      return r;
    }

    Reason revise(Reason r, ReasonDraft draft) {
      Reason changed = catalogue().revise(r.id(), draft);
      stored.replaceAll(s -> s.id().equals(r.id()) ? changed : s);
      return changed;
    }

    ReasonView view(Reason r) {
      ReasonCatalogue c = catalogue();
      return c.view(c.byId(r.id()));
    }
  }

  static ReasonDraft draft(
      String parent, boolean category, boolean active, Boolean planned, LossCategory loss) {
    return new ReasonDraft("a reason", null, parent, category, "#FF0000", 0, active, planned, loss);
  }

  static ReasonDraft moveTo(Reason r, String parent) {
    return new ReasonDraft(
        r.name(),
        r.description(),
        parent,
        r.category(),
        r.colour(),
        r.sortOrder(),
        r.active(),
        r.planned(),
        r.lossCategory());
  }

  @Test
  void refusesToMoveACategoryBelowItsOwnGrandchild() {
    // given
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    Reason mechanical = plant.category("MECH", null, null, LossCategory.EQUIPMENT_FAILURE);
    plant.category("HYD", "MECH", null, null);
    plant.category("PUMP", "HYD", null, null);

    // when
    var e =
        assertThrows(
            InvalidInputException.class,
            () -> plant.catalogue().revise(mechanical.id(), moveTo(mechanical, "PUMP")));

    // then
    assertThat(e.field()).isEqualTo("parent");
    assertThat(e.getMessage()).contains("below itself");
  }

  @Test
  void refusesToMoveACategoryUnderItself() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    Reason surface = plant.category("SURFACE", null, null, null);

    var e =
        assertThrows(
            InvalidInputException.class,
            () -> plant.catalogue().revise(surface.id(), moveTo(surface, "SURFACE")));

    assertThat(e.field()).isEqualTo("parent");
  }

  @Test
  void movesALeafToASiblingCategoryAndItsLossCategoryFollows() {
    // given
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    plant.category("BREAKDOWN", null, false, LossCategory.EQUIPMENT_FAILURE);
    plant.category("CHANGEOVER", null, false, LossCategory.SETUP_AND_ADJUSTMENT);
    Reason toolChange = plant.reason("TOOL-CHG", "BREAKDOWN", null, null);

    // when
    plant.revise(toolChange, moveTo(toolChange, "CHANGEOVER"));

    // then
    ReasonView view = plant.view(toolChange);
    assertThat(view.parent()).isEqualTo("CHANGEOVER");
    assertThat(view.effectiveLossCategory()).isEqualTo(LossCategory.SETUP_AND_ADJUSTMENT);
  }

  @Test
  void aLeafInheritsTheLossCategoryOfItsNearestCategoryThatSetsOne() {
    // given
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    plant.category("STOPS", null, null, LossCategory.EQUIPMENT_FAILURE);
    plant.category("ELECTRIC", "STOPS", null, null);
    plant.category("MINOR", "STOPS", null, LossCategory.SMALL_STOP);
    Reason fuse = plant.reason("FUSE", "ELECTRIC", null, null);
    Reason jam = plant.reason("JAM", "MINOR", null, null);
    Reason slow = plant.reason("SLOW", "MINOR", null, LossCategory.REDUCED_SPEED);

    // then
    assertThat(plant.view(fuse).effectiveLossCategory()).isEqualTo(LossCategory.EQUIPMENT_FAILURE);
    assertThat(plant.view(fuse).lossCategory()).isNull();
    assertThat(plant.view(jam).effectiveLossCategory()).isEqualTo(LossCategory.SMALL_STOP);
    assertThat(plant.view(slow).effectiveLossCategory()).isEqualTo(LossCategory.REDUCED_SPEED);
  }

  @Test
  void aDowntimeReasonNoLevelClassifiesCountsAsOtherAndUnplanned() {
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    plant.category("MISC", null, null, null);
    Reason unknown = plant.reason("UNKNOWN", "MISC", null, null);

    ReasonView view = plant.view(unknown);

    assertThat(view.effectiveLossCategory()).isEqualTo(LossCategory.OTHER);
    assertThat(view.effectivePlanned()).isFalse();
  }

  @Test
  void aReasonUnderAPlannedStopCategoryIsPlanned() {
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    plant.category("PLANNED", null, true, LossCategory.PLANNED_STOP);
    Reason lunch = plant.reason("LUNCH", "PLANNED", null, null);

    ReasonView view = plant.view(lunch);

    assertThat(view.effectivePlanned()).isTrue();
    assertThat(view.effectiveLossCategory()).isEqualTo(LossCategory.PLANNED_STOP);
    assertThat(view.bookable()).isTrue();
  }

  @Test
  void refusesAPlannedStopThatIsAlsoABreakdown() {
    Plant plant = new Plant(ReasonKind.DOWNTIME);

    var e =
        assertThrows(
            InvalidInputException.class,
            () -> plant.reason("ODD", null, true, LossCategory.EQUIPMENT_FAILURE));

    assertThat(e.field()).isEqualTo("lossCategory");
  }

  @Test
  void refusesAPlannedFlagOnAScrapReason() {
    Plant plant = new Plant(ReasonKind.SCRAP);

    var e =
        assertThrows(InvalidInputException.class, () -> plant.reason("BURR", null, false, null));

    assertThat(e.field()).isEqualTo("planned");
  }

  @Test
  void refusesALossCategoryOnAReworkReason() {
    Plant plant = new Plant(ReasonKind.REWORK);

    var e =
        assertThrows(
            InvalidInputException.class,
            () -> plant.reason("REGRIND", null, null, LossCategory.OTHER));

    assertThat(e.field()).isEqualTo("lossCategory");
  }

  @Test
  void scrapAndReworkReasonsShowNoDowntimeFields() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    Reason burr = plant.reason("BURR", null, null, null);

    ReasonView view = plant.view(burr);

    assertThat(view.planned()).isNull();
    assertThat(view.lossCategory()).isNull();
    assertThat(view.effectivePlanned()).isNull();
    assertThat(view.effectiveLossCategory()).isNull();
  }

  @Test
  void aCatalogueHoldsOnlyOneKind() {
    Plant scrap = new Plant(ReasonKind.SCRAP);
    Reason burr = scrap.reason("BURR", null, null, null);

    assertThrows(
        IllegalArgumentException.class,
        () -> new ReasonCatalogue(ReasonKind.REWORK, List.of(burr)));
  }

  @Test
  void aCategoryOfAnotherKindIsNoParent() {
    // given a SCRAP category SURFACE, and a REWORK catalogue without it
    Plant scrap = new Plant(ReasonKind.SCRAP);
    scrap.category("SURFACE", null, null, null);
    Plant rework = new Plant(ReasonKind.REWORK);

    // when
    var e =
        assertThrows(
            InvalidInputException.class, () -> rework.reason("POLISH", "SURFACE", null, null));

    // then
    assertThat(e.field()).isEqualTo("parent");
    assertThat(e.getMessage()).contains("REWORK");
  }

  @Test
  void refusesABookableReasonAsParent() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    plant.reason("BURR", null, null, null);

    var e =
        assertThrows(
            InvalidInputException.class, () -> plant.reason("SMALL-BURR", "BURR", null, null));

    assertThat(e.field()).isEqualTo("parent");
  }

  @Test
  void refusesAFifthLevel() {
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    plant.category("L1", null, null, null);
    plant.category("L2", "L1", null, null);
    plant.category("L3", "L2", null, null);
    plant.category("L4", "L3", null, null);

    var e = assertThrows(InvalidInputException.class, () -> plant.reason("L5", "L4", null, null));

    assertThat(e.field()).isEqualTo("parent");
  }

  @Test
  void refusesAMoveThatWouldPushTheSubtreeBelowTheFourthLevel() {
    // given a two-level branch A > B, and a three-level branch X > Y > Z
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    Reason a = plant.category("A", null, null, null);
    plant.reason("B", "A", null, null);
    plant.category("X", null, null, null);
    plant.category("Y", "X", null, null);
    plant.category("Z", "Y", null, null);

    // when A (height 2) moves under Y (level 2) it fits; under Z (level 3) it would not
    plant.catalogue().revise(a.id(), moveTo(a, "Y"));
    var e =
        assertThrows(
            InvalidInputException.class, () -> plant.catalogue().revise(a.id(), moveTo(a, "Z")));

    // then
    assertThat(e.field()).isEqualTo("parent");
  }

  @Test
  void refusesToDeactivateACategoryWithActiveReasons() {
    Plant plant = new Plant(ReasonKind.DOWNTIME);
    Reason breakdown = plant.category("BREAKDOWN", null, null, null);
    Reason motor = plant.reason("MOTOR", "BREAKDOWN", null, null);

    assertThrows(ConflictException.class, () -> plant.catalogue().deactivate(breakdown.id()));

    plant.stored.replaceAll(
        r -> r.id().equals(motor.id()) ? plant.catalogue().deactivate(r.id()) : r);
    assertThat(plant.catalogue().deactivate(breakdown.id()).active()).isFalse();
  }

  @Test
  void refusesToTurnACategoryWithReasonsIntoABookableReason() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    Reason surface = plant.category("SURFACE", null, null, null);
    plant.reason("SCRATCH", "SURFACE", null, null);

    var e =
        assertThrows(
            ConflictException.class,
            () -> plant.catalogue().revise(surface.id(), draft(null, false, true, null, null)));

    assertThat(e.field()).isEqualTo("category");
  }

  @Test
  void refusesADuplicateCodeWithinAKind() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    plant.reason("BURR", null, null, null);

    var e = assertThrows(ConflictException.class, () -> plant.reason("BURR", null, null, null));

    assertThat(e.field()).isEqualTo("code");
  }

  @Test
  void theTreeSortsSiblingsBySortOrderThenCode() {
    Plant plant = new Plant(ReasonKind.SCRAP);
    plant.category("SURFACE", null, null, null);
    plant.add(
        "SCRATCH", new ReasonDraft("s", null, "SURFACE", false, "#000000", 2, true, null, null));
    plant.add("DENT", new ReasonDraft("d", null, "SURFACE", false, "#000000", 1, true, null, null));
    plant.add("BURR", new ReasonDraft("b", null, "SURFACE", false, "#000000", 2, true, null, null));

    List<ReasonNode> tree = plant.catalogue().tree(false);

    assertThat(tree).hasSize(1);
    assertThat(tree.getFirst().children().stream().map(n -> n.reason().code()))
        .containsExactly("DENT", "BURR", "SCRATCH");
  }
}
