package dev.takt.product.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.product.MaterialType;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import dev.takt.shared.UnitOfMeasure;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines, revises and deactivates materials. Materials are enterprise-wide: no site check. */
@Service
public class MaterialService {

  static final String AUDIT_ENTITY = "material";

  private final MaterialRepository materials;
  private final BomRepository boms;
  private final AuditTrail audit;
  private final Clock clock;

  MaterialService(MaterialRepository materials, BomRepository boms, AuditTrail audit, Clock clock) {
    this.materials = materials;
    this.boms = boms;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CursorPage<MaterialView> list(
      String after,
      String search,
      MaterialType type,
      Tracking tracking,
      Boolean active,
      int limit) {
    List<Material> page = materials.page(after, search, type, tracking, active, limit + 1);
    List<MaterialView> views = page.stream().limit(limit).map(Material::view).toList();
    String next = page.size() > limit ? views.getLast().number() : null;
    return new CursorPage<>(views, next);
  }

  @Transactional(readOnly = true)
  public MaterialView get(String number) {
    return find(number).view();
  }

  @Transactional
  public MaterialView create(ProductCommands.DefineMaterial cmd) {
    if (materials.byNumber(cmd.number()).isPresent()) {
      throw new ConflictException("number", "material " + cmd.number() + " exists already");
    }
    Material material =
        Material.define(
            cmd.number(),
            cmd.description(),
            Units.of("unit", cmd.unit()),
            cmd.tracking(),
            cmd.type());
    materials.insert(material, clock.instant());
    MaterialView view = find(material.number()).view();
    audit.created(AUDIT_ENTITY, material.number(), view);
    return view;
  }

  @Transactional
  public MaterialView update(String number, ProductCommands.ReviseMaterial cmd) {
    Material old = find(number);
    if (old.version() != cmd.version()) {
      throw new StaleVersionException("material", number, cmd.version(), old.version());
    }
    UnitOfMeasure unit = Units.of("unit", cmd.unit());
    // Quantities in BOMs are in the base unit and are not converted: changing it would silently
    // change what those BOMs mean.
    if (!unit.equals(old.unit()) && boms.mentions(number)) {
      throw new ConflictException(
          "unit",
          "material " + number + " is used in BOMs in " + old.unit() + "; its unit cannot change");
    }
    return save(old, old.revise(cmd.description(), unit, cmd.tracking(), cmd.type(), cmd.active()));
  }

  /** Deactivates: the material can no longer enter a new BOM or routing; nothing is deleted. */
  @Transactional
  public void deactivate(String number) {
    Material old = find(number);
    if (old.active()) {
      save(old, old.deactivate());
    }
  }

  private MaterialView save(Material old, Material changed) {
    if (!materials.update(changed, clock.instant())) {
      throw new StaleVersionException("material", old.number(), changed.version(), old.version());
    }
    MaterialView view = find(old.number()).view();
    audit.updated(AUDIT_ENTITY, old.number(), old.view(), view);
    return view;
  }

  private Material find(String number) {
    return materials.byNumber(number).orElseThrow(() -> new NotFoundException("material", number));
  }
}
