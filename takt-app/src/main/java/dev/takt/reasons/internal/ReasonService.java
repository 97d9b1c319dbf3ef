package dev.takt.reasons.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.reasons.Reasons;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.StaleVersionException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the reason catalogues: every change loads the kind's catalogue (locked), lets it check the
 * change, writes the one changed row and its audit record in the same transaction.
 */
@Service
public class ReasonService implements Reasons {

  static final String AUDIT_ENTITY = "reason";

  private final ReasonRepository reasons;
  private final AuditTrail audit;
  private final Clock clock;

  ReasonService(ReasonRepository reasons, AuditTrail audit, Clock clock) {
    this.reasons = reasons;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public ReasonView create(ReasonKind kind, String code, ReasonDraft draft) {
    ReasonCatalogue catalogue = new ReasonCatalogue(kind, reasons.ofKindForChange(kind));
    Reason reason = catalogue.define(UUID.randomUUID(), code, draft);
    reasons.insert(reason, clock.instant());
    ReasonView view = catalogue.view(reason);
    audit.created(AUDIT_ENTITY, view.key(), view);
    return view;
  }

  @Transactional
  public ReasonView update(UUID id, ReasonDraft draft, long version) {
    ReasonCatalogue catalogue = lockedCatalogueOf(id);
    Reason current = catalogue.byId(id);
    if (current.version() != version) {
      throw new StaleVersionException("reason", current.key(), version, current.version());
    }
    return save(catalogue, current, catalogue.revise(id, draft));
  }

  /** Deactivates (soft): bookings keep naming it. Deactivating an inactive reason is a no-op. */
  @Transactional
  public void deactivate(UUID id) {
    ReasonCatalogue catalogue = lockedCatalogueOf(id);
    Reason current = catalogue.byId(id);
    if (current.active()) {
      save(catalogue, current, catalogue.deactivate(id));
    }
  }

  @Transactional(readOnly = true)
  public ReasonView get(UUID id) {
    Reason reason = reasons.byId(id).orElseThrow(() -> new NotFoundException("reason", id));
    return new ReasonCatalogue(reason.kind(), reasons.ofKind(reason.kind())).view(reason);
  }

  @Transactional(readOnly = true)
  public CursorPage<ReasonView> list(
      ReasonKind kind, String code, Boolean active, String after, int limit) {
    ReasonKind afterKind = null;
    String afterCode = null;
    if (after != null && !after.isBlank()) {
      int slash = after.indexOf('/');
      try {
        afterKind = ReasonKind.valueOf(after.substring(0, Math.max(slash, 0)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("after", "not a cursor this API handed out");
      }
      afterCode = after.substring(slash + 1);
    }
    List<Reason> page =
        reasons.page(
            new ReasonRepository.Query(kind, code, active, afterKind, afterCode), limit + 1);
    Map<ReasonKind, ReasonCatalogue> catalogues = new EnumMap<>(ReasonKind.class);
    List<ReasonView> views =
        page.stream()
            .limit(limit)
            .map(
                r ->
                    catalogues
                        .computeIfAbsent(r.kind(), k -> new ReasonCatalogue(k, reasons.ofKind(k)))
                        .view(r))
            .toList();
    String next = page.size() > limit ? views.getLast().key() : null;
    return new CursorPage<>(views, next);
  }

  @Transactional(readOnly = true)
  public List<ReasonNode> tree(ReasonKind kind, boolean activeOnly) {
    return new ReasonCatalogue(kind, reasons.ofKind(kind)).tree(activeOnly);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ReasonView> bookable(ReasonKind kind, String code) {
    return find(kind, code).filter(ReasonView::bookable);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ReasonView> find(ReasonKind kind, String code) {
    ReasonCatalogue catalogue = new ReasonCatalogue(kind, reasons.ofKind(kind));
    return catalogue.byCode(code).map(catalogue::view);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReasonView> all(ReasonKind kind) {
    List<Reason> all = reasons.ofKind(kind);
    ReasonCatalogue catalogue = new ReasonCatalogue(kind, all);
    return all.stream().map(catalogue::view).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ReasonNode> activeTree(ReasonKind kind) {
    return tree(kind, true);
  }

  private ReasonCatalogue lockedCatalogueOf(UUID id) {
    Reason reason = reasons.byId(id).orElseThrow(() -> new NotFoundException("reason", id));
    return new ReasonCatalogue(reason.kind(), reasons.ofKindForChange(reason.kind()));
  }

  private ReasonView save(ReasonCatalogue catalogue, Reason old, Reason changed) {
    if (!reasons.update(changed, clock.instant())) {
      throw new StaleVersionException("reason", old.key(), changed.version(), old.version() + 1);
    }
    Reason stored = reasons.byId(old.id()).orElseThrow();
    ReasonView view = catalogue.view(stored);
    audit.updated(AUDIT_ENTITY, view.key(), catalogue.view(old), view);
    return view;
  }
}
