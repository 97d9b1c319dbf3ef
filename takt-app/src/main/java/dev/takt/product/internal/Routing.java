package dev.takt.product.internal;

import dev.takt.equipment.WorkCenterView;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One version of how a material is made at one site: its operations in sequence order, each at a
 * work center of that site.
 *
 * <p>A routing is born a DRAFT with the next version number for its material and site, either fresh
 * or as a copy of any earlier version (the usual way to change a released one). While a draft it
 * may be revised or thrown away. Releasing it makes it the current routing of its material at its
 * site and freezes it, because orders take a snapshot of it; releasing a newer version makes it
 * OBSOLETE.
 */
record Routing(
    UUID id,
    String material,
    String site,
    int routingVersion,
    ReleaseStatus status,
    List<Step> operations,
    Instant releasedAt,
    long version) {

  /** One operation. Setup time in whole seconds, ideal cycle time per unit in seconds. */
  record Step(
      int sequence,
      String description,
      String workCenter,
      long setupSeconds,
      BigDecimal cycleSeconds,
      String qualification,
      String toolType,
      String inspectionPlan) {}

  Routing {
    operations = List.copyOf(operations);
    Set<Integer> sequences = new HashSet<>();
    for (int i = 0; i < operations.size(); i++) {
      Step step = operations.get(i);
      String field = "operations[" + i + "]";
      if (step.sequence() <= 0) {
        throw new InvalidInputException(field + ".sequence", "must be a positive number");
      }
      if (!sequences.add(step.sequence())) {
        throw new InvalidInputException(
            field + ".sequence", "sequence " + step.sequence() + " is used twice");
      }
      if (step.setupSeconds() < 0) {
        throw new InvalidInputException(field + ".setupSeconds", "must not be negative");
      }
      if (step.cycleSeconds().signum() <= 0) {
        throw new InvalidInputException(field + ".cycleSeconds", "must be greater than 0");
      }
    }
  }

  static Routing draft(String material, String site, int routingVersion, List<Step> operations) {
    return new Routing(
        UUID.randomUUID(),
        material,
        site,
        routingVersion,
        ReleaseStatus.DRAFT,
        operations,
        null,
        1);
  }

  /** The business key the audit trail names, e.g. {@code M-100/P1/v3}. */
  String key() {
    return material + "/" + site + "/v" + routingVersion;
  }

  Routing revise(List<Step> newOperations) {
    requireDraft("changed");
    return new Routing(
        id, material, site, routingVersion, status, newOperations, releasedAt, version);
  }

  Routing release(Instant at) {
    requireDraft("released");
    return new Routing(
        id, material, site, routingVersion, ReleaseStatus.RELEASED, operations, at, version);
  }

  Routing obsolete() {
    if (status != ReleaseStatus.RELEASED) {
      throw new ConflictException(
          "status",
          "routing " + key() + " is " + status + "; only a RELEASED routing becomes obsolete");
    }
    return new Routing(
        id,
        material,
        site,
        routingVersion,
        ReleaseStatus.OBSOLETE,
        operations,
        releasedAt,
        version);
  }

  /** A new draft with the same operations, from any version. */
  Routing copyAs(int newRoutingVersion) {
    return draft(material, site, newRoutingVersion, operations);
  }

  void requireDraft(String what) {
    if (status != ReleaseStatus.DRAFT) {
      throw new ConflictException(
          "status",
          "routing "
              + key()
              + " is "
              + status
              + "; only a DRAFT can be "
              + what
              + " (copy it to a new version instead)");
    }
  }

  /**
   * Checks that every operation names an active work center of the routing's site. {@code failure}
   * makes the exception: 400 for a request, 409 on release.
   */
  void checkWorkCenters(
      Function<String, Optional<WorkCenterView>> workCenterAtSite,
      BiFunction<String, String, RuntimeException> failure) {
    for (int i = 0; i < operations.size(); i++) {
      String code = operations.get(i).workCenter();
      String field = "operations[" + i + "].workCenter";
      WorkCenterView wc =
          workCenterAtSite
              .apply(code)
              .orElseThrow(
                  () ->
                      failure.apply(
                          field, "work center " + code + " does not exist at site " + site));
      if (!wc.active()) {
        throw failure.apply(field, "work center " + code + " at site " + site + " is inactive");
      }
    }
  }

  RoutingView view() {
    return new RoutingView(
        id,
        material,
        site,
        routingVersion,
        status,
        operations.stream()
            .sorted(Comparator.comparingInt(Step::sequence))
            .map(
                s ->
                    new RoutingView.OperationView(
                        s.sequence(),
                        s.description(),
                        s.workCenter(),
                        s.setupSeconds(),
                        s.cycleSeconds(),
                        s.qualification(),
                        s.toolType(),
                        s.inspectionPlan()))
            .toList(),
        releasedAt,
        version);
  }
}
