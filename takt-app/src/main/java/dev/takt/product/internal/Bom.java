package dev.takt.product.internal;

import dev.takt.product.BomView;
import dev.takt.product.ReleaseStatus;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * One version of a material's bill of materials: what goes into {@code baseQuantity} of it.
 *
 * <p>A BOM is born a DRAFT with the next version number of its material (1, 2, 3…), and while a
 * draft it may be revised or thrown away. Releasing it makes it the material's current BOM and
 * freezes it: orders explode it, so it must never change under them. Releasing a newer version
 * makes this one OBSOLETE, which ends its life; it stays for the record. To change a released BOM,
 * copy it to a new draft.
 *
 * <p>Quantities of an item are in the component's base unit: there is no unit conversion yet.
 */
record Bom(
    UUID id,
    String material,
    int bomVersion,
    ReleaseStatus status,
    Quantity baseQuantity,
    List<Item> items,
    Instant releasedAt,
    long version) {

  /** One line of the BOM. {@code scrapPercent} may be null (no scrap expected). */
  record Item(int position, String material, Quantity quantity, BigDecimal scrapPercent) {}

  /** What a BOM needs to know about other materials to check its components. */
  interface Components {
    Optional<Material> material(String number);

    /** The released BOM of a material, if any. */
    Optional<Bom> currentBom(String material);
  }

  Bom {
    items = List.copyOf(items);
    requirePositive(baseQuantity.value(), "baseQuantity");
    Set<Integer> positions = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.position() <= 0) {
        throw new InvalidInputException("items[" + i + "].position", "must be a positive number");
      }
      if (!positions.add(item.position())) {
        throw new InvalidInputException(
            "items[" + i + "].position", "position " + item.position() + " is used twice");
      }
      if (item.material().equals(material)) {
        throw new InvalidInputException(
            "items[" + i + "].material", "material " + material + " cannot be its own component");
      }
      requirePositive(item.quantity().value(), "items[" + i + "].quantity");
      BigDecimal scrap = item.scrapPercent();
      if (scrap != null && (scrap.signum() < 0 || scrap.compareTo(BigDecimal.valueOf(100)) > 0)) {
        throw new InvalidInputException("items[" + i + "].scrapPercent", "must be 0 to 100");
      }
    }
  }

  static Bom draft(String material, int bomVersion, Quantity baseQuantity, List<Item> items) {
    return new Bom(
        UUID.randomUUID(), material, bomVersion, ReleaseStatus.DRAFT, baseQuantity, items, null, 1);
  }

  /** The business key the audit trail names: material and version, e.g. {@code M-100/v2}. */
  String key() {
    return material + "/v" + bomVersion;
  }

  Bom revise(Quantity newBaseQuantity, List<Item> newItems) {
    requireDraft("changed");
    return new Bom(
        id, material, bomVersion, status, newBaseQuantity, newItems, releasedAt, version);
  }

  Bom release(Instant at) {
    requireDraft("released");
    return new Bom(
        id, material, bomVersion, ReleaseStatus.RELEASED, baseQuantity, items, at, version);
  }

  /** Replaced by a newer release. Only the current (released) BOM can become obsolete. */
  Bom obsolete() {
    if (status != ReleaseStatus.RELEASED) {
      throw new ConflictException(
          "status", "BOM " + key() + " is " + status + "; only a RELEASED BOM becomes obsolete");
    }
    return new Bom(
        id, material, bomVersion, ReleaseStatus.OBSOLETE, baseQuantity, items, releasedAt, version);
  }

  /** A new draft with the same content, as the way to change a released BOM. */
  Bom copyAs(int newBomVersion) {
    return draft(material, newBomVersion, baseQuantity, items);
  }

  void requireDraft(String what) {
    if (status != ReleaseStatus.DRAFT) {
      throw new ConflictException(
          "status",
          "BOM "
              + key()
              + " is "
              + status
              + "; only a DRAFT can be "
              + what
              + " (copy it instead)");
    }
  }

  /**
   * Checks the BOM against the materials it names: the parent and every component exist and are
   * active, units are the materials' base units, and no chain of current BOMs leads from a
   * component back to the parent (a cycle, however deep). {@code failure} makes the exception: 400
   * for a request, 409 on release.
   */
  void checkAgainst(Components components, BiFunction<String, String, RuntimeException> failure) {
    Material parent =
        components
            .material(material)
            .orElseThrow(
                () -> failure.apply("material", "material " + material + " does not exist"));
    if (!parent.active()) {
      throw failure.apply("material", "material " + material + " is inactive");
    }
    if (!parent.unit().equals(baseQuantity.unit())) {
      throw failure.apply(
          "unit",
          "must be the base unit of "
              + material
              + " ("
              + parent.unit().code()
              + ")"
              + "; units are not converted");
    }
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      String field = "items[" + i + "]";
      Material component =
          components
              .material(item.material())
              .orElseThrow(
                  () ->
                      failure.apply(
                          field + ".material", "material " + item.material() + " does not exist"));
      if (!component.active()) {
        throw failure.apply(field + ".material", "material " + item.material() + " is inactive");
      }
      if (!component.unit().equals(item.quantity().unit())) {
        throw failure.apply(
            field + ".unit",
            "must be the base unit of "
                + item.material()
                + " ("
                + component.unit().code()
                + "); units are not converted");
      }
      List<String> path = pathBackTo(material, item.material(), components);
      if (!path.isEmpty()) {
        throw failure.apply(
            field + ".material",
            "the released BOMs lead from "
                + item.material()
                + " back to "
                + material
                + " ("
                + String.join(" > ", path)
                + "): that would be a cycle");
      }
    }
  }

  /**
   * The chain of current released BOMs from {@code component} down to {@code parent}, or empty when
   * there is none. A depth-first walk; each material is visited once, so shared sub-assemblies and
   * existing loops elsewhere cannot make it run forever.
   */
  private static List<String> pathBackTo(String parent, String component, Components components) {
    Deque<List<String>> open = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    open.push(List.of(component));
    while (!open.isEmpty()) {
      List<String> path = open.pop();
      String last = path.getLast();
      if (last.equals(parent)) {
        return path;
      }
      if (!seen.add(last)) {
        continue;
      }
      for (Item child : components.currentBom(last).map(b -> b.items).orElse(List.of())) {
        List<String> longer = new ArrayList<>(path);
        longer.add(child.material());
        open.push(longer);
      }
    }
    return List.of();
  }

  BomView view() {
    return new BomView(
        id,
        material,
        bomVersion,
        status,
        baseQuantity,
        items.stream()
            .sorted(Comparator.comparingInt(Item::position))
            .map(
                i ->
                    new BomView.BomItemView(
                        i.position(), i.material(), i.quantity(), i.scrapPercent()))
            .toList(),
        releasedAt,
        version);
  }

  private static void requirePositive(BigDecimal value, String field) {
    if (value.signum() <= 0) {
      throw new InvalidInputException(field, "must be greater than 0");
    }
  }
}
