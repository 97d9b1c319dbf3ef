package dev.takt.execution.internal;

import dev.takt.execution.Phase;
import dev.takt.shared.ConflictException;
import dev.takt.shared.UnitOfMeasure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What happened so far to one operation of a released order on the shop floor.
 *
 * <p>Born WAITING when it is first touched. The first {@link #start} on any work unit of its work
 * center makes it ACTIVE; several work units may then run it at once (a split), each with its own
 * state: SETUP or RUNNING, PAUSED in between (and back to the phase it was paused in). A unit in
 * setup moves to run by starting it in RUN. Time spent in setup and in run is added up per phase as
 * each interval ends. Good, scrap and rework are reported from any unit on it, partially and
 * repeatedly; the good total may not exceed what the previous operation delivered (or the order
 * quantity) plus the tolerance. {@link #complete} ends it for good: COMPLETED, every unit off it.
 *
 * <p>Each change raises {@code version}, which a terminal may send back to make sure it acted on
 * what it showed.
 */
public final class OperationExecution {

  /** The operation as a whole. */
  public enum Status {
    WAITING,
    ACTIVE,
    COMPLETED
  }

  /** What a work unit does on this operation while it is on it. */
  public enum UnitState {
    SETUP,
    RUNNING,
    PAUSED
  }

  /** One work unit on this operation; {@code resumePhase} is set while PAUSED. */
  public record UnitRun(
      String workUnit, UnitState state, Phase resumePhase, Instant since, String pauseReason) {

    Phase phase() {
      return switch (state) {
        case SETUP -> Phase.SETUP;
        case RUNNING -> Phase.RUN;
        case PAUSED -> resumePhase;
      };
    }

    static UnitRun in(String workUnit, Phase phase, Instant since) {
      return new UnitRun(
          workUnit, phase == Phase.SETUP ? UnitState.SETUP : UnitState.RUNNING, null, since, null);
    }
  }

  private final UUID operationId;
  private final String orderNumber;
  private final int sequence;
  private final String site;
  private final String workCenter;
  private final UnitOfMeasure unit;
  private Status status;
  private BigDecimal good;
  private BigDecimal scrap;
  private BigDecimal rework;
  private long setupSeconds;
  private long runSeconds;
  private Instant startedAt;
  private Instant completedAt;
  private final Map<String, UnitRun> units;
  private long version;

  public OperationExecution(
      UUID operationId,
      String orderNumber,
      int sequence,
      String site,
      String workCenter,
      UnitOfMeasure unit,
      Status status,
      BigDecimal good,
      BigDecimal scrap,
      BigDecimal rework,
      long setupSeconds,
      long runSeconds,
      Instant startedAt,
      Instant completedAt,
      Map<String, UnitRun> units,
      long version) {
    this.operationId = operationId;
    this.orderNumber = orderNumber;
    this.sequence = sequence;
    this.site = site;
    this.workCenter = workCenter;
    this.unit = unit;
    this.status = status;
    this.good = good;
    this.scrap = scrap;
    this.rework = rework;
    this.setupSeconds = setupSeconds;
    this.runSeconds = runSeconds;
    this.startedAt = startedAt;
    this.completedAt = completedAt;
    this.units = new LinkedHashMap<>(units);
    this.version = version;
  }

  /** A new, untouched operation. */
  public static OperationExecution waiting(
      UUID operationId,
      String orderNumber,
      int sequence,
      String site,
      String workCenter,
      UnitOfMeasure unit) {
    return new OperationExecution(
        operationId,
        orderNumber,
        sequence,
        site,
        workCenter,
        unit,
        Status.WAITING,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        0,
        0,
        null,
        null,
        Map.of(),
        0);
  }

  /**
   * Starts this operation on a work unit in a phase, or moves a unit in setup to run.
   *
   * @return true when this was the first start of the operation
   */
  public boolean start(String workUnit, Phase phase, Instant at) {
    requireNotCompleted("start");
    UnitRun current = units.get(workUnit);
    if (current != null) {
      if (current.state() == UnitState.SETUP && phase == Phase.RUN) {
        endInterval(current, at);
        units.put(workUnit, UnitRun.in(workUnit, Phase.RUN, at));
        version++;
        return false;
      }
      throw new ConflictException(
          "phase",
          "cannot start "
              + phase
              + " on work unit '"
              + workUnit
              + "': it is "
              + current.state()
              + " on this operation");
    }
    units.put(workUnit, UnitRun.in(workUnit, phase, at));
    boolean first = status == Status.WAITING;
    if (first) {
      status = Status.ACTIVE;
      startedAt = at;
    }
    version++;
    return first;
  }

  /** Stops a work unit in setup or run for a (downtime) reason. */
  public void pause(String workUnit, String reason, Instant at) {
    requireNotCompleted("pause");
    UnitRun current = requireOn(workUnit, "pause");
    if (current.state() == UnitState.PAUSED) {
      throw new ConflictException(
          null, "cannot pause work unit '" + workUnit + "': it is PAUSED already");
    }
    endInterval(current, at);
    units.put(workUnit, new UnitRun(workUnit, UnitState.PAUSED, current.phase(), at, reason));
    version++;
  }

  /** Lets a paused work unit go on in the phase it was paused in. */
  public void resume(String workUnit, Instant at) {
    requireNotCompleted("resume");
    UnitRun current = requireOn(workUnit, "resume");
    if (current.state() != UnitState.PAUSED) {
      throw new ConflictException(
          null, "cannot resume work unit '" + workUnit + "': it is " + current.state());
    }
    units.put(workUnit, UnitRun.in(workUnit, current.resumePhase(), at));
    version++;
  }

  /**
   * Adds a report from a work unit that is on this operation.
   *
   * @param maxGood the most good this operation may have in total (what the previous operation
   *     delivered, or the order quantity, plus the tolerance)
   */
  public void report(
      String workUnit, BigDecimal good, BigDecimal scrap, BigDecimal rework, BigDecimal maxGood) {
    requireNotCompleted("report on");
    requireOn(workUnit, "report on");
    BigDecimal newGood = this.good.add(good);
    if (newGood.compareTo(maxGood) > 0) {
      throw new ConflictException(
          "good",
          "reporting "
              + good.toPlainString()
              + " more good would make "
              + newGood.toPlainString()
              + " "
              + unit
              + ", more than the "
              + maxGood.stripTrailingZeros().toPlainString()
              + " "
              + unit
              + " allowed (what the previous step delivered or the order quantity, plus the"
              + " tolerance)");
    }
    this.good = newGood;
    this.scrap = this.scrap.add(scrap);
    this.rework = this.rework.add(rework);
    version++;
  }

  /** Completes the operation from one of its work units; every unit comes off it. */
  public void complete(String workUnit, Instant at) {
    requireNotCompleted("complete");
    requireOn(workUnit, "complete");
    for (UnitRun run : units.values()) {
      endInterval(run, at);
    }
    units.clear();
    status = Status.COMPLETED;
    completedAt = at;
    version++;
  }

  /** The most good allowed in total for a basis (delivered or ordered) and a tolerance in %. */
  public static BigDecimal allowedGood(BigDecimal basis, BigDecimal tolerancePercent) {
    return basis.add(basis.multiply(tolerancePercent).movePointLeft(2));
  }

  private void endInterval(UnitRun run, Instant at) {
    if (run.state() == UnitState.PAUSED) {
      return; // a pause is downtime, not setup or run
    }
    long seconds = Math.max(0, Duration.between(run.since(), at).toSeconds());
    if (run.state() == UnitState.SETUP) {
      setupSeconds += seconds;
    } else {
      runSeconds += seconds;
    }
  }

  private void requireNotCompleted(String action) {
    if (status == Status.COMPLETED) {
      throw new ConflictException(
          null, "cannot " + action + " operation " + describe() + ": it is COMPLETED");
    }
  }

  private UnitRun requireOn(String workUnit, String action) {
    UnitRun run = units.get(workUnit);
    if (run == null) {
      throw new ConflictException(
          "workUnit",
          "cannot "
              + action
              + " operation "
              + describe()
              + " at work unit '"
              + workUnit
              + "': it is not started there (operation is "
              + status
              + ")");
    }
    return run;
  }

  private String describe() {
    return orderNumber + "/" + sequence;
  }

  public UUID operationId() {
    return operationId;
  }

  public String orderNumber() {
    return orderNumber;
  }

  public int sequence() {
    return sequence;
  }

  public String site() {
    return site;
  }

  public String workCenter() {
    return workCenter;
  }

  public UnitOfMeasure unit() {
    return unit;
  }

  public Status status() {
    return status;
  }

  public BigDecimal good() {
    return good;
  }

  public BigDecimal scrap() {
    return scrap;
  }

  public BigDecimal rework() {
    return rework;
  }

  public long setupSeconds() {
    return setupSeconds;
  }

  public long runSeconds() {
    return runSeconds;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public Map<String, UnitRun> units() {
    return Collections.unmodifiableMap(units);
  }

  public long version() {
    return version;
  }
}
