package dev.takt.orders.rest;

import dev.takt.orders.ComponentView;
import dev.takt.orders.OrderStatus;
import dev.takt.orders.internal.OperationDetails;
import dev.takt.orders.internal.OrderCommands;
import dev.takt.orders.internal.OrderDetails;
import dev.takt.orders.internal.OrderService;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Production orders, by their order number (the ERP's key). The ERP POSTs an order and may POST it
 * again: the same content is a no-op (200), new content changes a CREATED order (200) and is
 * refused once it is released (409). Only orders of the caller's sites are listed or shown.
 */
@RestController
@RequestMapping("/api/v1/production-orders")
@Tag(
    name = "Production orders",
    description =
        "Orders from the ERP, released with a snapshot of routing and BOM. CREATED → RELEASED →"
            + " IN_PROGRESS → COMPLETED → CLOSED; ON_HOLD and back; CANCELLED before anything was"
            + " reported. See docs/orders.md.")
class ProductionOrderController {

  private static final String BASE = "/api/v1/production-orders/";

  private final OrderService orders;

  ProductionOrderController(OrderService orders) {
    this.orders = orders;
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
  @Operation(summary = "List orders by due date and number; filter by site, status, material, due")
  CursorPage<OrderDetails> list(
      @RequestParam(required = false) @Size(max = 20) String site,
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(required = false) @Size(max = 40) String material,
      @RequestParam(required = false) Instant dueBefore,
      @RequestParam(required = false) @Size(max = 40) String number,
      @RequestParam(required = false) @Size(max = 200) String after,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return orders.list(site, status, material, dueBefore, number, after, limit);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  @Operation(
      summary =
          "Create an order (201), or send it again: same content 200 and nothing changes; new"
              + " content 200 while CREATED, else 409 naming the state")
  ResponseEntity<OrderDetails> submit(@Valid @RequestBody OrderRequests.SubmitOrder body) {
    OrderCommands.Submitted result =
        orders.submit(
            new OrderCommands.SubmitOrder(
                body.orderNumber(),
                body.material(),
                body.quantity(),
                body.unit(),
                body.dueDate(),
                body.priority(),
                body.site(),
                body.routingVersion(),
                body.bomVersion()));
    if (result.outcome() == OrderCommands.Outcome.CREATED) {
      return ResponseEntity.created(URI.create(BASE + result.order().orderNumber()))
          .body(result.order());
    }
    return ResponseEntity.ok(result.order());
  }

  @GetMapping("/{orderNumber}/operations")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(
      summary = "The order's operations with good/scrap/rework totals (empty before release)")
  List<OperationDetails> operations(@PathVariable String orderNumber) {
    return orders.operations(orderNumber);
  }

  @GetMapping("/{orderNumber}/components")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "The order's BOM snapshot: required quantities for the whole order")
  List<ComponentView> components(@PathVariable String orderNumber) {
    return orders.components(orderNumber);
  }

  @PostMapping("/{orderNumber}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.SUPERVISOR})
  @Operation(
      summary =
          "Release a CREATED order: copies its routing (409 on routingVersion when there is none)"
              + " and BOM (optional) into the order")
  OrderDetails release(@PathVariable String orderNumber) {
    return orders.release(orderNumber);
  }

  @PostMapping("/{orderNumber}/hold")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  @Operation(summary = "Hold a RELEASED or IN_PROGRESS order: nothing can be booked on it")
  OrderDetails hold(
      @PathVariable String orderNumber, @Valid @RequestBody OrderRequests.Reason body) {
    return orders.hold(orderNumber, body.reason());
  }

  @PostMapping("/{orderNumber}/resume")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  @Operation(summary = "Resume a held order to the status it had before")
  OrderDetails resume(@PathVariable String orderNumber) {
    return orders.resume(orderNumber);
  }

  @PostMapping("/{orderNumber}/cancel")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  @Operation(summary = "Cancel a CREATED, RELEASED or ON_HOLD order nothing was reported on")
  OrderDetails cancel(
      @PathVariable String orderNumber, @Valid @RequestBody OrderRequests.Reason body) {
    return orders.cancel(orderNumber, body.reason());
  }

  @PostMapping("/{orderNumber}/close")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR})
  @Operation(summary = "Close a COMPLETED order")
  OrderDetails close(@PathVariable String orderNumber) {
    return orders.close(orderNumber);
  }

  @GetMapping("/{orderNumber}")
  @RequiresRole({
    Role.ADMIN,
    Role.PLANNER,
    Role.SUPERVISOR,
    Role.OPERATOR,
    Role.QUALITY,
    Role.AUDITOR,
    Role.INTEGRATION
  })
  @Operation(summary = "An order by its number")
  OrderDetails get(@PathVariable String orderNumber) {
    return orders.get(orderNumber);
  }
}
