package dev.takt.reasons.internal;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reasons of one kind as a tree, and the rules that need the whole tree. A reason is born as a
 * top-level reason or under a category of its own kind, at most {@value #MAX_DEPTH} levels deep; it
 * may be renamed, re-coloured, moved under another category (never below itself) or turned into a
 * category and back while it has no children; it ends deactivated, never deleted, because bookings
 * name it. An active reason always hangs under active categories: a category with active children
 * cannot be deactivated, and nothing is activated or placed under an inactive one.
 *
 * <p>A catalogue holds a few hundred reasons at most, so it is loaded whole for every change.
 * Methods check and return the changed reason; they never change this catalogue, so a refused
 * change leaves nothing behind.
 */
final class ReasonCatalogue {

  /** Levels from the top: category, sub-category, sub-sub-category, reason. */
  static final int MAX_DEPTH = 4;

  private static final Comparator<Reason> ORDER =
      Comparator.comparingInt(Reason::sortOrder).thenComparing(Reason::code);

  private final ReasonKind kind;
  private final Map<UUID, Reason> byId = new HashMap<>();
  private final Map<String, Reason> byCode = new HashMap<>();

  ReasonCatalogue(ReasonKind kind, Collection<Reason> reasons) {
    this.kind = kind;
    for (Reason r : reasons) {
      if (r.kind() != kind) {
        throw new IllegalArgumentException(r.key() + " is not in the " + kind + " catalogue");
      }
      byId.put(r.id(), r);
      byCode.put(r.code(), r);
    }
  }

  ReasonKind kind() {
    return kind;
  }

  Optional<Reason> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  Reason byId(UUID id) {
    Reason r = byId.get(id);
    if (r == null) {
      throw new NotFoundException("reason", id);
    }
    return r;
  }

  /** A new reason with this code, checked against the tree; version 1. */
  Reason define(UUID id, String code, ReasonDraft draft) {
    if (byCode.containsKey(code)) {
      throw new ConflictException("code", "a " + kind + " reason '" + code + "' exists already");
    }
    requireKindFields(draft);
    Reason parent = resolveParent(draft.parent(), null);
    requireActiveParent(parent, draft.active());
    if (level(parent) + 1 > MAX_DEPTH) {
      throw new InvalidInputException("parent", tooDeep(parent));
    }
    return new Reason(
        id,
        kind,
        code,
        draft.name(),
        draft.description(),
        parent == null ? null : parent.id(),
        draft.category(),
        draft.colour(),
        draft.sortOrder(),
        draft.active(),
        draft.planned(),
        draft.lossCategory(),
        1);
  }

  /**
   * The reason as the draft wants it, moved if the draft names another parent. The returned version
   * is the current one; the repository bumps it when it writes.
   */
  Reason revise(UUID id, ReasonDraft draft) {
    Reason current = byId(id);
    requireKindFields(draft);
    Reason parent = resolveParent(draft.parent(), current);
    if (level(parent) + height(current) > MAX_DEPTH) {
      throw new InvalidInputException("parent", tooDeep(parent));
    }
    requireActiveParent(parent, draft.active());
    if (current.category() && !draft.category() && !children(current).isEmpty()) {
      throw new ConflictException(
          "category",
          "category " + current.key() + " still has reasons under it; move them away first");
    }
    if (current.active() && !draft.active()) {
      requireNoActiveChildren(current, "active");
    }
    return new Reason(
        current.id(),
        kind,
        current.code(),
        draft.name(),
        draft.description(),
        parent == null ? null : parent.id(),
        draft.category(),
        draft.colour(),
        draft.sortOrder(),
        draft.active(),
        draft.planned(),
        draft.lossCategory(),
        current.version());
  }

  /** The reason deactivated; an inactive one is returned as it is. */
  Reason deactivate(UUID id) {
    Reason current = byId(id);
    if (!current.active()) {
      return current;
    }
    requireNoActiveChildren(current, null);
    return new Reason(
        current.id(),
        kind,
        current.code(),
        current.name(),
        current.description(),
        current.parentId(),
        current.category(),
        current.colour(),
        current.sortOrder(),
        false,
        current.planned(),
        current.lossCategory(),
        current.version());
  }

  /**
   * The view of a reason, which need not be in the catalogue yet (a reason being created or
   * changed): its effective values come from its parent chain as the catalogue holds it.
   */
  ReasonView view(Reason r) {
    Reason parent = r.parentId() == null ? null : byId.get(r.parentId());
    Boolean effectivePlanned = null;
    LossCategory effectiveLoss = null;
    if (kind == ReasonKind.DOWNTIME) {
      effectiveLoss = r.lossCategory();
      effectivePlanned = r.planned();
      for (Reason a = parent; a != null; a = parentOf(a)) {
        if (effectiveLoss == null) {
          effectiveLoss = a.lossCategory();
        }
        if (effectivePlanned == null) {
          effectivePlanned = a.planned();
        }
      }
      if (effectiveLoss == null) {
        effectiveLoss = LossCategory.OTHER;
      }
      if (effectivePlanned == null) {
        effectivePlanned = effectiveLoss == LossCategory.PLANNED_STOP;
      }
    }
    return new ReasonView(
        r.id(),
        r.kind(),
        r.code(),
        r.name(),
        r.description(),
        parent == null ? null : parent.code(),
        r.category(),
        r.bookable(),
        r.colour(),
        r.sortOrder(),
        r.active(),
        r.planned(),
        r.lossCategory(),
        effectivePlanned,
        effectiveLoss,
        r.version());
  }

  /** The whole tree, or only its active part; siblings by sort order, then code. */
  List<ReasonNode> tree(boolean activeOnly) {
    return nodes(null, activeOnly);
  }

  private List<ReasonNode> nodes(Reason parent, boolean activeOnly) {
    List<ReasonNode> nodes = new ArrayList<>();
    for (Reason r : parent == null ? roots() : children(parent)) {
      if (!activeOnly || r.active()) {
        nodes.add(new ReasonNode(view(r), nodes(r, activeOnly)));
      }
    }
    return nodes;
  }

  private List<Reason> roots() {
    return byId.values().stream().filter(r -> r.parentId() == null).sorted(ORDER).toList();
  }

  private List<Reason> children(Reason parent) {
    return byId.values().stream()
        .filter(r -> parent.id().equals(r.parentId()))
        .sorted(ORDER)
        .toList();
  }

  private Reason parentOf(Reason r) {
    return r.parentId() == null ? null : byId.get(r.parentId());
  }

  /** SCRAP and REWORK have no planned flag and no loss category; a DOWNTIME reason's must agree. */
  private void requireKindFields(ReasonDraft draft) {
    if (kind != ReasonKind.DOWNTIME) {
      if (draft.planned() != null) {
        throw new InvalidInputException(
            "planned", "only DOWNTIME reasons are planned or unplanned, not " + kind);
      }
      if (draft.lossCategory() != null) {
        throw new InvalidInputException(
            "lossCategory", "only DOWNTIME reasons have a loss category, not " + kind);
      }
      return;
    }
    if (draft.planned() != null
        && draft.lossCategory() != null
        && draft.planned() != (draft.lossCategory() == LossCategory.PLANNED_STOP)) {
      throw new InvalidInputException(
          "lossCategory",
          draft.planned()
              ? "a planned stop has the loss category PLANNED_STOP, not " + draft.lossCategory()
              : "an unplanned stop cannot have the loss category PLANNED_STOP");
    }
  }

  /** The parent named by code: a category of this kind, and never the moving reason's subtree. */
  private Reason resolveParent(String code, Reason moving) {
    if (code == null) {
      return null;
    }
    Reason parent = byCode.get(code);
    if (parent == null) {
      throw new InvalidInputException(
          "parent",
          "there is no "
              + kind
              + " reason '"
              + code
              + "'; a parent must be a category of the same kind");
    }
    if (!parent.category()) {
      throw new InvalidInputException(
          "parent", parent.key() + " is a bookable reason, not a category");
    }
    if (moving != null) {
      for (Reason a = parent; a != null; a = parentOf(a)) {
        if (a.id().equals(moving.id())) {
          throw new InvalidInputException(
              "parent",
              moving.key()
                  + " cannot move under "
                  + parent.key()
                  + ": that would put it below itself");
        }
      }
    }
    return parent;
  }

  private static void requireActiveParent(Reason parent, boolean active) {
    if (active && parent != null && !parent.active()) {
      throw new InvalidInputException(
          "parent", "category " + parent.key() + " is inactive; activate it first");
    }
  }

  private void requireNoActiveChildren(Reason category, String field) {
    List<String> active =
        children(category).stream().filter(Reason::active).map(Reason::code).toList();
    if (!active.isEmpty()) {
      throw new ConflictException(
          field,
          "category "
              + category.key()
              + " still has active reasons "
              + active
              + "; deactivate or move them first");
    }
  }

  /** 0 for the top (no parent), 1 for a top-level reason, and so on. */
  private int level(Reason r) {
    int level = 0;
    for (Reason a = r; a != null; a = parentOf(a)) {
      level++;
    }
    return level;
  }

  /** 1 for a leaf, 2 for a category with leaves, and so on. */
  private int height(Reason r) {
    int below = 0;
    for (Reason child : children(r)) {
      below = Math.max(below, height(child));
    }
    return below + 1;
  }

  private String tooDeep(Reason parent) {
    return "a "
        + kind
        + " tree is at most "
        + MAX_DEPTH
        + " levels deep; under "
        + parent.key()
        + " it would be deeper";
  }
}
