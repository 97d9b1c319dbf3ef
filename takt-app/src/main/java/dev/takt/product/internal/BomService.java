package dev.takt.product.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.product.BomView;
import dev.takt.product.ReleaseStatus;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.Quantity;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts, revises, releases and copies bills of materials. BOMs are enterprise-wide: no site check.
 * A material has at most one RELEASED BOM, its current one; releasing another makes it OBSOLETE.
 */
@Service
public class BomService {

  static final String AUDIT_ENTITY = "bom";

  private final BomRepository boms;
  private final MaterialRepository materials;
  private final AuditTrail audit;
  private final Clock clock;

  BomService(BomRepository boms, MaterialRepository materials, AuditTrail audit, Clock clock) {
    this.boms = boms;
    this.materials = materials;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CursorPage<BomView> list(
      String material, ReleaseStatus status, Integer bomVersion, String after, int limit) {
    String afterMaterial = "";
    int afterVersion = 0;
    if (after != null) {
      int cut = after.lastIndexOf("/v");
      try {
        afterMaterial = after.substring(0, cut);
        afterVersion = Integer.parseInt(after.substring(cut + 2));
      } catch (RuntimeException e) {
        throw new InvalidInputException("after", "is not a cursor this list returned");
      }
    }
    List<Bom> page =
        boms.page(afterMaterial, afterVersion, material, status, bomVersion, limit + 1);
    List<Bom> shown = page.stream().limit(limit).toList();
    String next = page.size() > limit ? shown.getLast().key() : null;
    return new CursorPage<>(shown.stream().map(Bom::view).toList(), next);
  }

  @Transactional(readOnly = true)
  public BomView get(UUID id) {
    return find(id).view();
  }

  @Transactional
  public BomView create(ProductCommands.DraftBom cmd) {
    Bom bom =
        Bom.draft(
            cmd.material(),
            boms.nextVersion(cmd.material()),
            new Quantity(cmd.baseQuantity(), Units.of("unit", cmd.unit())),
            items(cmd.items()));
    bom.checkAgainst(components(), InvalidInputException::new);
    boms.insert(bom, clock.instant());
    BomView view = find(bom.id()).view();
    audit.created(AUDIT_ENTITY, bom.key(), view);
    return view;
  }

  @Transactional
  public BomView update(UUID id, ProductCommands.ReviseBom cmd) {
    Bom old = find(id);
    old.requireDraft("changed");
    requireVersion(old, cmd.version());
    Bom revised =
        old.revise(
            new Quantity(cmd.baseQuantity(), Units.of("unit", cmd.unit())), items(cmd.items()));
    revised.checkAgainst(components(), InvalidInputException::new);
    return save(old, revised);
  }

  /** Throws a draft away. Released and obsolete BOMs stay for the record. */
  @Transactional
  public void delete(UUID id) {
    Bom old = find(id);
    old.requireDraft("deleted");
    boms.delete(id);
    audit.deleted(AUDIT_ENTITY, old.key(), old.view());
  }

  /**
   * Makes the draft the material's current BOM and the one released before it OBSOLETE. The
   * components are checked again: they may have changed since the draft was written.
   */
  @Transactional
  public BomView release(UUID id) {
    Bom draft = find(id);
    draft.requireDraft("released");
    materials.lock(draft.material());
    draft = find(id); // read again under the lock: a parallel release may have won
    draft.requireDraft("released");
    draft.checkAgainst(components(), ConflictException::new);
    Optional<Bom> previous = boms.current(draft.material());
    if (previous.isPresent()) {
      save(previous.get(), previous.get().obsolete());
    }
    return save(draft, draft.release(now()));
  }

  /** A new DRAFT with the content of any version of the same material: how a release changes. */
  @Transactional
  public BomView copy(UUID id) {
    Bom source = find(id);
    Bom copy = source.copyAs(boms.nextVersion(source.material()));
    boms.insert(copy, clock.instant());
    BomView view = find(copy.id()).view();
    audit.created(AUDIT_ENTITY, copy.key(), view);
    return view;
  }

  private BomView save(Bom old, Bom changed) {
    if (!boms.update(changed, clock.instant())) {
      throw new StaleVersionException("BOM", old.key(), changed.version(), old.version() + 1);
    }
    BomView view = find(old.id()).view();
    audit.updated(AUDIT_ENTITY, old.key(), old.view(), view);
    return view;
  }

  private Bom.Components components() {
    return new Bom.Components() {
      @Override
      public Optional<Material> material(String number) {
        return materials.byNumber(number);
      }

      @Override
      public Optional<Bom> currentBom(String material) {
        return boms.current(material);
      }
    };
  }

  private static List<Bom.Item> items(List<ProductCommands.BomLine> lines) {
    List<Bom.Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ProductCommands.BomLine line = lines.get(i);
      items.add(
          new Bom.Item(
              line.position(),
              line.material(),
              new Quantity(line.quantity(), Units.of("items[" + i + "].unit", line.unit())),
              Sql.plain(line.scrapPercent())));
    }
    return items;
  }

  private static void requireVersion(Bom current, long sent) {
    if (current.version() != sent) {
      throw new StaleVersionException("BOM", current.key(), sent, current.version());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Bom find(UUID id) {
    return boms.byId(id).orElseThrow(() -> new NotFoundException("BOM", id));
  }
}
