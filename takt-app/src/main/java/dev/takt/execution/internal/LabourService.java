package dev.takt.execution.internal;

import dev.takt.compliance.AuditTrail;
import dev.takt.equipment.WorkUnitView;
import dev.takt.orders.OperationView;
import dev.takt.shared.ConflictException;
import dev.takt.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labour: operators clock on to an operation at a work unit and off again, several at once. Each
 * interval is a time ticket; clocking off closes it and turns it into a confirmation.
 */
@Service
public class LabourService {

  static final String ENTITY = "TimeTicket";

  private final JdbcClient jdbc;
  private final Bookings bookings;
  private final OperationRepository operations;
  private final Confirmations confirmations;
  private final AuditTrail audit;
  private final Clock clock;

  LabourService(
      JdbcClient jdbc,
      Bookings bookings,
      OperationRepository operations,
      Confirmations confirmations,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.bookings = bookings;
    this.operations = operations;
    this.confirmations = confirmations;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public TimeTicket clockOn(UUID operationId, String workUnit, String operator) {
    OperationView op = bookings.workableOperation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    OperationExecution e = operations.lock(op);
    if (e.status() == OperationExecution.Status.COMPLETED) {
      throw new ConflictException(
          null, "cannot clock on to operation " + ExecutionService.key(e) + ": it is COMPLETED");
    }
    if (open(operationId, unit.code(), operator, false).isPresent()) {
      throw new ConflictException(
          "operator",
          "'" + operator + "' is clocked on to this operation at '" + unit.code() + "' already");
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            INSERT INTO execution_labour (id, operation_id, order_number, site, work_unit,
              operator, clocked_on_at)
            VALUES (:id, :op, :order, :site, :unit, :operator, :now)
            """)
        .param("id", id)
        .param("op", operationId)
        .param("order", op.orderNumber())
        .param("site", op.site())
        .param("unit", unit.code())
        .param("operator", operator)
        .param("now", Sql.ts(now))
        .update();
    TimeTicket ticket = get(id);
    audit.created(ENTITY, id.toString(), ticket);
    return ticket;
  }

  @Transactional
  public TimeTicket clockOff(UUID operationId, String workUnit, String operator) {
    OperationView op = bookings.operation(operationId);
    WorkUnitView unit = bookings.workUnitFor(op, workUnit);
    TimeTicket before =
        open(operationId, unit.code(), operator, true)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "operator",
                        "'"
                            + operator
                            + "' is not clocked on to this operation at '"
                            + unit.code()
                            + "'"));
    Instant now = clock.instant();
    jdbc.sql("UPDATE execution_labour SET clocked_off_at = :now WHERE id = :id")
        .param("now", Sql.ts(now))
        .param("id", before.id())
        .update();
    TimeTicket after = get(before.id());
    audit.updated(ENTITY, before.id().toString(), before, after);
    confirmations.append(
        new Confirmations.Draft(
            Confirmation.Type.TIME_TICKET,
            op.site(),
            op.orderNumber(),
            operationId,
            op.sequence(),
            unit.code(),
            null,
            null,
            null,
            null,
            null,
            null,
            operator,
            after.clockedOnAt(),
            after.clockedOffAt(),
            null,
            null,
            after.seconds(),
            now));
    return after;
  }

  @Transactional(readOnly = true)
  public List<TimeTicket> tickets(UUID operationId) {
    bookings.operation(operationId);
    return jdbc.sql(
            "SELECT * FROM execution_labour WHERE operation_id = :op ORDER BY clocked_on_at, id")
        .param("op", operationId)
        .query((rs, n) -> map(rs))
        .list();
  }

  private Optional<TimeTicket> open(
      UUID operationId, String workUnit, String operator, boolean forUpdate) {
    return jdbc.sql(
            """
            SELECT * FROM execution_labour
             WHERE operation_id = :op AND work_unit = :unit AND operator = :operator
               AND clocked_off_at IS NULL
            """
                + (forUpdate ? " FOR UPDATE" : ""))
        .param("op", operationId)
        .param("unit", workUnit)
        .param("operator", operator)
        .query((rs, n) -> map(rs))
        .optional();
  }

  private TimeTicket get(UUID id) {
    return jdbc.sql("SELECT * FROM execution_labour WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> map(rs))
        .optional()
        .orElseThrow(() -> new NotFoundException("time ticket", id));
  }

  private TimeTicket map(java.sql.ResultSet rs) throws java.sql.SQLException {
    Instant on = Sql.instant(rs, "clocked_on_at");
    Instant off = Sql.instant(rs, "clocked_off_at");
    long seconds =
        Math.max(0, Duration.between(on, off == null ? clock.instant() : off).toSeconds());
    return new TimeTicket(
        rs.getObject("id", UUID.class),
        rs.getObject("operation_id", UUID.class),
        rs.getString("order_number"),
        rs.getString("work_unit"),
        rs.getString("operator"),
        on,
        off,
        seconds,
        off != null);
  }
}
