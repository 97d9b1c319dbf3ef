package dev.takt.execution.rest;

import dev.takt.execution.internal.Consumption;
import dev.takt.execution.internal.ConsumptionService;
import dev.takt.execution.internal.ExecutionService;
import dev.takt.execution.internal.LabourService;
import dev.takt.execution.internal.OperationProgress;
import dev.takt.execution.internal.TimeTicket;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.RequiresIdempotencyKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator does with an operation at a work unit. Every write needs an {@code
 * Idempotency-Key}: a terminal that retries after a network blip gets the first answer back.
 */
@RestController
@RequestMapping("/api/v1/operations/{operationId}")
@RequiresRole({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
@Tag(
    name = "Shop floor: operations",
    description = "Start, pause, report, complete; labour; material")
class OperationController {

  private final ExecutionService execution;
  private final LabourService labour;
  private final ConsumptionService consumption;

  OperationController(
      ExecutionService execution, LabourService labour, ConsumptionService consumption) {
    this.execution = execution;
    this.labour = labour;
    this.consumption = consumption;
  }

  @GetMapping
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "The operation's progress: status, quantities, times, work units on it")
  OperationProgress progress(@PathVariable UUID operationId) {
    return execution.progress(operationId);
  }

  @PostMapping("/start")
  @RequiresIdempotencyKey
  @Operation(summary = "Start SETUP or RUN at a work unit (SETUP → RUN by starting RUN)")
  OperationProgress start(
      @PathVariable UUID operationId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.Start body) {
    return execution.start(
        operationId,
        body.workUnit(),
        body.phase(),
        ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/pause")
  @RequiresIdempotencyKey
  @Operation(summary = "Pause at a work unit for a DOWNTIME reason")
  OperationProgress pause(
      @PathVariable UUID operationId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.Pause body) {
    return execution.pause(
        operationId,
        body.workUnit(),
        body.reason(),
        ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/resume")
  @RequiresIdempotencyKey
  @Operation(summary = "Resume at a work unit in the phase it was paused in")
  OperationProgress resume(
      @PathVariable UUID operationId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.AtWorkUnit body) {
    return execution.resume(
        operationId, body.workUnit(), ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/report")
  @RequiresIdempotencyKey
  @Operation(
      summary =
          "Report good, scrap (with a SCRAP reason) and rework (with a REWORK reason) in the order"
              + " unit; partial reports add up. Optionally the output lot the good quantity goes"
              + " into and the serial numbers of the good units")
  OperationProgress report(
      @PathVariable UUID operationId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.Report body) {
    return execution.report(
        operationId,
        body.workUnit(),
        body.good(),
        body.scrap(),
        body.scrapReason(),
        body.rework(),
        body.reworkReason(),
        body.outputLot(),
        body.serials(),
        ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/complete")
  @RequiresIdempotencyKey
  @Operation(summary = "Complete the operation (all work units come off it)")
  OperationProgress complete(
      @PathVariable UUID operationId,
      @RequestHeader(value = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody ExecutionRequests.AtWorkUnit body) {
    return execution.complete(
        operationId, body.workUnit(), ExecutionRequests.version(body.version(), ifMatch));
  }

  @PostMapping("/clock-on")
  @RequiresIdempotencyKey
  @Operation(summary = "Clock an operator on to the operation at a work unit (opens a time ticket)")
  ResponseEntity<TimeTicket> clockOn(
      @PathVariable UUID operationId, @Valid @RequestBody ExecutionRequests.Labour body) {
    TimeTicket ticket = labour.clockOn(operationId, body.workUnit(), body.operator());
    return ResponseEntity.created(
            URI.create("/api/v1/operations/" + operationId + "/time-tickets/" + ticket.id()))
        .body(ticket);
  }

  @PostMapping("/clock-off")
  @RequiresIdempotencyKey
  @Operation(summary = "Clock an operator off (closes the time ticket; it becomes a confirmation)")
  TimeTicket clockOff(
      @PathVariable UUID operationId, @Valid @RequestBody ExecutionRequests.Labour body) {
    return labour.clockOff(operationId, body.workUnit(), body.operator());
  }

  @GetMapping("/time-tickets")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "The operation's time tickets, oldest first")
  List<TimeTicket> timeTickets(@PathVariable UUID operationId) {
    return labour.tickets(operationId);
  }

  @PostMapping("/consumptions")
  @RequiresIdempotencyKey
  @Operation(summary = "Book a lot of a lot-tracked component of the order as consumed")
  ResponseEntity<Consumption> consume(
      @PathVariable UUID operationId, @Valid @RequestBody ExecutionRequests.Consume body) {
    Consumption booked =
        consumption.consume(
            operationId, body.workUnit(), body.material(), body.lot(), body.quantity());
    return ResponseEntity.created(
            URI.create("/api/v1/operations/" + operationId + "/consumptions/" + booked.id()))
        .body(booked);
  }

  @GetMapping("/consumptions")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "What the operation consumed, oldest first")
  List<Consumption> consumptions(@PathVariable UUID operationId) {
    return consumption.of(operationId);
  }
}
