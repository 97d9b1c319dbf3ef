package dev.takt.traceability.rest;

import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.traceability.internal.Lot;
import dev.takt.traceability.internal.LotCommands;
import dev.takt.traceability.internal.LotService;
import dev.takt.traceability.internal.LotStatus;
import dev.takt.traceability.internal.Shipment;
import dev.takt.traceability.internal.StatusChange;
import dev.takt.traceability.internal.TraceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Material lots and serials: received from the ERP or WMS (into QUARANTINE), released, blocked or
 * quarantined by quality with a reason, split, merged, transferred, reworked and shipped; their
 * backward and forward traces and recall reports. {@code {lot}} is a lot's id, or its number (with
 * {@code ?material=} when the number alone names lots of several materials).
 */
@RestController
@RequestMapping("/api/v1/lots")
@Tag(
    name = "Lots and genealogy",
    description =
        "Lots and serials, their status (QUARANTINE, RELEASED, BLOCKED, CONSUMED), genealogy,"
            + " traces and recall reports. See docs/traceability.md.")
// Reading lots, histories and traces is open to every role of the lot's site (checked in the
// service); the writes below name their own roles.
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.OPERATOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class LotController {

  private static final String BASE = "/api/v1/lots/";

  private final LotService lots;
  private final TraceService traces;

  LotController(LotService lots, TraceService traces) {
    this.lots = lots;
    this.traces = traces;
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.QUALITY, Role.INTEGRATION})
  @Operation(
      summary =
          "Receive a lot into QUARANTINE (201); a lot number the material has already is 409."
              + " Send an Idempotency-Key to resend safely")
  ResponseEntity<Lot> receive(@Valid @RequestBody LotRequests.Receive body) {
    Lot lot =
        lots.receive(
            new LotCommands.Receive(
                body.site(),
                body.material(),
                body.lotNumber(),
                body.quantity(),
                body.unit(),
                blankToNull(body.supplier()),
                blankToNull(body.supplierLot()),
                body.expiry()));
    return ResponseEntity.created(URI.create(BASE + lot.id())).body(lot);
  }

  @GetMapping
  @Operation(summary = "Lots, newest first; filter by site, material, status, lot number search")
  CursorPage<Lot> list(
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) @Size(max = 60) String q,
      @RequestParam(required = false) LotStatus status,
      @RequestParam(required = false) @Size(max = 200) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return lots.list(site, material, q, status, after, limit);
  }

  @GetMapping("/{lot}")
  @Operation(summary = "A lot by id, or by number (and material)")
  Lot get(
      @PathVariable String lot, @RequestParam(required = false) @Size(max = 40) String material) {
    return lots.resolve(lot, material);
  }

  @GetMapping("/{lot}/history")
  @Operation(summary = "Every status change of the lot with its reason, oldest first")
  List<StatusChange> history(
      @PathVariable String lot, @RequestParam(required = false) @Size(max = 40) String material) {
    return lots.history(lots.resolve(lot, material).id());
  }

  @PostMapping("/{lot}/release")
  @RequiresRole({Role.ADMIN, Role.QUALITY})
  @Operation(summary = "Release the lot for use, with a reason")
  LotCommands.StatusChanged release(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Reason body) {
    return lots.release(lots.resolve(lot, material).id(), body.reason(), body.version());
  }

  @PostMapping("/{lot}/quarantine")
  @RequiresRole({Role.ADMIN, Role.QUALITY})
  @Operation(summary = "Put the lot into quarantine pending a decision, with a reason")
  LotCommands.StatusChanged quarantine(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Reason body) {
    return lots.quarantine(lots.resolve(lot, material).id(), body.reason(), body.version());
  }

  @PostMapping("/{lot}/block")
  @RequiresRole({Role.ADMIN, Role.QUALITY})
  @Operation(
      summary =
          "Block the lot, with a reason; cascade=true also blocks every lot and serial made from"
              + " it (its forward trace)")
  LotCommands.StatusChanged block(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Block body) {
    return lots.block(
        lots.resolve(lot, material).id(),
        body.reason(),
        body.version(),
        Boolean.TRUE.equals(body.cascade()));
  }

  @PostMapping("/{lot}/split")
  @RequiresRole({Role.ADMIN, Role.QUALITY, Role.SUPERVISOR, Role.INTEGRATION})
  @Operation(summary = "Split quantities off into new lots of the same material (201)")
  ResponseEntity<List<Lot>> split(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Split body) {
    List<Lot> made =
        lots.split(
            lots.resolve(lot, material).id(),
            body.parts().stream()
                .map(p -> new LotCommands.Part(p.lotNumber(), p.quantity()))
                .toList(),
            body.reason());
    return ResponseEntity.status(201).body(made);
  }

  @PostMapping("/merge")
  @RequiresRole({Role.ADMIN, Role.QUALITY, Role.SUPERVISOR, Role.INTEGRATION})
  @Operation(summary = "Merge quantities of lots of one material into a new lot (201)")
  ResponseEntity<Lot> merge(@Valid @RequestBody LotRequests.Merge body) {
    Lot merged =
        lots.merge(
            body.lotNumber(),
            body.sources().stream().map(s -> new LotCommands.Draw(s.lot(), s.quantity())).toList(),
            body.reason());
    return ResponseEntity.created(URI.create(BASE + merged.id())).body(merged);
  }

  @PostMapping("/{lot}/transfer")
  @RequiresRole({Role.ADMIN, Role.QUALITY, Role.SUPERVISOR, Role.INTEGRATION})
  @Operation(summary = "Move a quantity into another lot of the same material (made if new)")
  Lot transfer(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Transfer body) {
    return lots.transfer(
        lots.resolve(lot, material).id(), body.toLot(), body.quantity(), body.reason());
  }

  @PostMapping("/{lot}/rework")
  @RequiresRole({Role.ADMIN, Role.QUALITY, Role.SUPERVISOR})
  @Operation(summary = "Reworked material becomes a new lot in QUARANTINE (201)")
  ResponseEntity<Lot> rework(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Rework body) {
    Lot reworked =
        lots.rework(
            lots.resolve(lot, material).id(), body.lotNumber(), body.quantity(), body.reason());
    return ResponseEntity.created(URI.create(BASE + reworked.id())).body(reworked);
  }

  @PostMapping("/{lot}/shipments")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.INTEGRATION})
  @Operation(summary = "Ship a quantity (default: all that remains) of a RELEASED lot (201)")
  ResponseEntity<Shipment> ship(
      @PathVariable String lot,
      @RequestParam(required = false) String material,
      @Valid @RequestBody LotRequests.Ship body) {
    Lot found = lots.resolve(lot, material);
    Shipment shipment =
        lots.ship(found.id(), body.customer(), blankToNull(body.delivery()), body.quantity());
    return ResponseEntity.created(URI.create(BASE + found.id() + "/shipments")).body(shipment);
  }

  @GetMapping("/{lot}/shipments")
  @Operation(summary = "Where the lot was shipped, oldest first")
  List<Shipment> shipments(
      @PathVariable String lot, @RequestParam(required = false) @Size(max = 40) String material) {
    return lots.shipments(lots.resolve(lot, material).id());
  }

  @GetMapping("/{lot}/trace")
  @Operation(
      summary =
          "Backward trace (every input down to raw materials and suppliers) or forward trace"
              + " (every lot, serial and shipment containing it), with the links walked: orders,"
              + " operations, work units, operators, times. depth ≤ 50; maxLots default 10,000,"
              + " at most 50,000, else truncated")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = TraceService.Trace.class)))
  // The document comes ready-made (on PostgreSQL from the database itself): written as it is.
  ResponseEntity<byte[]> trace(
      @PathVariable String lot,
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(defaultValue = "backward") @Size(max = 20) String direction,
      @RequestParam(required = false) Integer depth,
      @RequestParam(required = false) Integer maxLots) {
    TraceService.Direction walk = directionOrNull(direction);
    if (walk == null) { // refused as before: an unknown lot first, then the direction
      lots.resolve(lot, material);
      walk = direction(direction);
    }
    byte[] json = lots.traceJson(lot, material, walk, depth, maxLots);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  @GetMapping("/{lot}/recall")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.AUDITOR})
  @Operation(
      summary =
          "Recall report: every lot and serial made from this lot, where it is now (status,"
              + " remaining) and to whom it was shipped; sort by depth, site, material,"
              + " lotNumber, status, remaining or shippedTo ('-' first: descending)")
  TraceService.Recall recall(
      @PathVariable String lot,
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) @Size(max = 20) String sort,
      @RequestParam(required = false) Integer maxLots) {
    return traces.recall(lots.resolve(lot, material).id(), sort, checkedMax(maxLots));
  }

  @GetMapping("/{lot}/recall.csv")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.AUDITOR})
  @Operation(summary = "The recall report as CSV (UTF-8, comma-separated, header line)")
  ResponseEntity<String> recallCsv(
      @PathVariable String lot,
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) @Size(max = 20) String sort,
      @RequestParam(required = false) Integer maxLots) {
    TraceService.Recall recall =
        traces.recall(lots.resolve(lot, material).id(), sort, checkedMax(maxLots));
    String file = "recall-" + recall.root().lotNumber() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .header("Takt-Truncated", String.valueOf(recall.truncated()))
        .body(RecallCsv.write(recall));
  }

  private static Integer checkedMax(Integer maxLots) {
    if (maxLots != null && (maxLots < 1 || maxLots > TraceService.HARD_MAX_LOTS)) {
      throw new InvalidInputException(
          "maxLots", "must be between 1 and " + TraceService.HARD_MAX_LOTS);
    }
    return maxLots;
  }

  private static TraceService.Direction direction(String text) {
    TraceService.Direction direction = directionOrNull(text);
    if (direction == null) {
      throw new InvalidInputException("direction", "must be backward or forward");
    }
    return direction;
  }

  private static TraceService.Direction directionOrNull(String text) {
    try {
      return TraceService.Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
