package dev.takt.product.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.takt.product.MaterialType;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.Tracking;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BomTest {

  static final Instant MONDAY = Instant.parse("2026-03-02T06:00:00Z");

  /** An in-memory catalogue of materials and their released BOMs, in domain language. */
  static class Catalogue implements Bom.Components {
    final Map<String, Material> materials = new HashMap<>();
    final Map<String, Bom> released = new HashMap<>();

    Catalogue with(String number, String unit) {
      materials.put(
          number,
          Material.define(
              number,
              "material " + number,
              new UnitOfMeasure(unit),
              Tracking.NONE,
              MaterialType.RAW));
      return this;
    }

    @Override
    public Optional<Material> material(String number) {
      return Optional.ofNullable(materials.get(number));
    }

    @Override
    public Optional<Bom> currentBom(String material) {
      return Optional.ofNullable(released.get(material));
    }
  }

  static Bom.Item item(int position, String material, String quantity, String unit) {
    return new Bom.Item(position, material, Quantity.of(quantity, unit), null);
  }

  static Bom aDraftOfABike() {
    return Bom.draft(
        "BIKE",
        1,
        Quantity.of("1", "pcs"),
        List.of(item(10, "FRAME", "1", "pcs"), item(20, "WHEEL", "2", "pcs")));
  }

  @Test
  void aReleasedBomIsFrozen() {
    // given
    Bom released = aDraftOfABike().release(MONDAY);
    // when
    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> released.revise(Quantity.of("2", "pcs"), released.items()));
    // then
    assertThat(e.field()).isEqualTo("status");
    assertThat(e.getMessage()).contains("BIKE/v1 is RELEASED");
    assertThat(released.status()).isEqualTo(ReleaseStatus.RELEASED);
    assertThat(released.releasedAt()).isEqualTo(MONDAY);
  }

  @Test
  void aBomIsReleasedOnlyOnce() {
    Bom released = aDraftOfABike().release(MONDAY);
    assertThrows(ConflictException.class, () -> released.release(MONDAY));
  }

  @Test
  void onlyTheReleasedBomBecomesObsolete() {
    // given
    Bom draft = aDraftOfABike();
    // when / then
    assertThrows(ConflictException.class, draft::obsolete);
    Bom obsolete = draft.release(MONDAY).obsolete();
    assertThat(obsolete.status()).isEqualTo(ReleaseStatus.OBSOLETE);
    ConflictException e =
        assertThrows(ConflictException.class, () -> obsolete.release(MONDAY.plusSeconds(60)));
    assertThat(e.getMessage()).contains("OBSOLETE");
  }

  @Test
  void aCopyIsANewDraftWithTheSameItems() {
    Bom released = aDraftOfABike().release(MONDAY);
    Bom copy = released.copyAs(2);
    assertThat(copy.status()).isEqualTo(ReleaseStatus.DRAFT);
    assertThat(copy.bomVersion()).isEqualTo(2);
    assertThat(copy.id()).isNotEqualTo(released.id());
    assertThat(copy.items()).isEqualTo(released.items());
    assertThat(copy.releasedAt()).isNull();
  }

  @Test
  void refusesAMaterialAsItsOwnComponent() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                Bom.draft(
                    "BIKE",
                    1,
                    Quantity.of("1", "pcs"),
                    List.of(item(10, "FRAME", "1", "pcs"), item(20, "BIKE", "1", "pcs"))));
    assertThat(e.field()).isEqualTo("items[1].material");
  }

  @Test
  void refusesAPositionUsedTwice() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                Bom.draft(
                    "BIKE",
                    1,
                    Quantity.of("1", "pcs"),
                    List.of(item(10, "FRAME", "1", "pcs"), item(10, "WHEEL", "2", "pcs"))));
    assertThat(e.field()).isEqualTo("items[1].position");
  }

  @Test
  void refusesScrapAboveAHundredPercent() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                Bom.draft(
                    "BIKE",
                    1,
                    Quantity.of("1", "pcs"),
                    List.of(
                        new Bom.Item(
                            10, "FRAME", Quantity.of("1", "pcs"), new BigDecimal("100.5")))));
    assertThat(e.field()).isEqualTo("items[0].scrapPercent");
  }

  @Test
  void refusesAComponentWhoseReleasedBomContainsTheParent() {
    // given: the frame's released BOM already uses the bike
    Catalogue catalogue =
        new Catalogue().with("BIKE", "pcs").with("FRAME", "pcs").with("WHEEL", "pcs");
    catalogue.released.put(
        "FRAME",
        Bom.draft("FRAME", 1, Quantity.of("1", "pcs"), List.of(item(10, "BIKE", "1", "pcs")))
            .release(MONDAY));
    // when
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> aDraftOfABike().checkAgainst(catalogue, InvalidInputException::new));
    // then
    assertThat(e.field()).isEqualTo("items[0].material");
    assertThat(e.getMessage()).contains("cycle");
  }

  @Test
  void refusesACycleThreeLevelsDeep() {
    // given: frame > tube > weld seam > bike
    Catalogue catalogue =
        new Catalogue()
            .with("BIKE", "pcs")
            .with("FRAME", "pcs")
            .with("WHEEL", "pcs")
            .with("TUBE", "pcs")
            .with("SEAM", "pcs");
    catalogue.released.put(
        "FRAME",
        Bom.draft("FRAME", 1, Quantity.of("1", "pcs"), List.of(item(10, "TUBE", "3", "pcs")))
            .release(MONDAY));
    catalogue.released.put(
        "TUBE",
        Bom.draft("TUBE", 1, Quantity.of("1", "pcs"), List.of(item(10, "SEAM", "2", "pcs")))
            .release(MONDAY));
    catalogue.released.put(
        "SEAM",
        Bom.draft("SEAM", 1, Quantity.of("1", "pcs"), List.of(item(10, "BIKE", "1", "pcs")))
            .release(MONDAY));
    // when
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> aDraftOfABike().checkAgainst(catalogue, InvalidInputException::new));
    // then
    assertThat(e.field()).isEqualTo("items[0].material");
    assertThat(e.getMessage()).contains("FRAME > TUBE > SEAM > BIKE");
  }

  @Test
  void acceptsASubAssemblySharedByTwoBranchesWithoutACycle() {
    // given: frame and wheel both use the same bolt kit, which uses nothing of the bike
    Catalogue catalogue =
        new Catalogue()
            .with("BIKE", "pcs")
            .with("FRAME", "pcs")
            .with("WHEEL", "pcs")
            .with("BOLTS", "pcs");
    catalogue.released.put(
        "FRAME",
        Bom.draft("FRAME", 1, Quantity.of("1", "pcs"), List.of(item(10, "BOLTS", "1", "pcs")))
            .release(MONDAY));
    catalogue.released.put(
        "WHEEL",
        Bom.draft("WHEEL", 1, Quantity.of("1", "pcs"), List.of(item(10, "BOLTS", "1", "pcs")))
            .release(MONDAY));
    // when / then: no exception
    aDraftOfABike().checkAgainst(catalogue, InvalidInputException::new);
  }

  @Test
  void refusesAnItemNotInTheComponentsBaseUnit() {
    // given: wheels are counted, but the item gives them in kilograms
    Catalogue catalogue =
        new Catalogue().with("BIKE", "pcs").with("FRAME", "pcs").with("WHEEL", "pcs");
    Bom bom =
        Bom.draft(
            "BIKE",
            1,
            Quantity.of("1", "pcs"),
            List.of(item(10, "FRAME", "1", "pcs"), item(20, "WHEEL", "2.4", "kg")));
    // when / then
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> bom.checkAgainst(catalogue, InvalidInputException::new));
    assertThat(e.field()).isEqualTo("items[1].unit");
  }

  @Test
  void refusesAnInactiveOrUnknownComponent() {
    Catalogue catalogue = new Catalogue().with("BIKE", "pcs").with("FRAME", "pcs");
    InvalidInputException unknown =
        assertThrows(
            InvalidInputException.class,
            () -> aDraftOfABike().checkAgainst(catalogue, InvalidInputException::new));
    assertThat(unknown.field()).isEqualTo("items[1].material");

    catalogue.with("WHEEL", "pcs");
    catalogue.materials.put("FRAME", catalogue.materials.get("FRAME").deactivate());
    ConflictException inactive =
        assertThrows(
            ConflictException.class,
            () -> aDraftOfABike().checkAgainst(catalogue, ConflictException::new));
    assertThat(inactive.field()).isEqualTo("items[0].material");
    assertThat(inactive.getMessage()).contains("inactive");
  }

  @Test
  void acceptsAWellFormedBom() {
    Catalogue catalogue =
        new Catalogue().with("BIKE", "pcs").with("FRAME", "pcs").with("WHEEL", "pcs");
    aDraftOfABike().checkAgainst(catalogue, InvalidInputException::new);
    assertThat(aDraftOfABike().view().items()).hasSize(2);
  }
}
