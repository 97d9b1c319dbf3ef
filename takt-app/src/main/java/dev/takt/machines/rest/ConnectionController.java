package dev.takt.machines.rest;

import dev.takt.connector.Browsable;
import dev.takt.machines.internal.ConnectionRegistry;
import dev.takt.machines.internal.ConnectionService;
import dev.takt.machines.internal.ConnectionView;
import dev.takt.machines.internal.Protocol;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Connections to machines. Plant IT (ADMIN, INTEGRATION) keeps them; office roles read them.
 * Secrets in the settings (passwords) are write-only: they are never returned, only named under
 * {@code secrets}; leave one out of an update to keep it.
 */
@RestController
@RequestMapping("/api/v1/connections")
@RequiresRole({Role.ADMIN, Role.INTEGRATION, Role.SUPERVISOR, Role.PLANNER, Role.AUDITOR})
@Tag(name = "Machine connections", description = "OPC UA, MTConnect and MQTT connections")
class ConnectionController {

  static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]{0,59}";
  static final String SITE = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";

  /** A connection to create or replace. */
  record ConnectionRequest(
      @NotBlank @Pattern(regexp = NAME, message = "must be 1-60 letters, digits, '.', '-' or '_'")
          String name,
      @NotBlank @Pattern(regexp = SITE, message = "must be a site code") String site,
      @NotNull Protocol protocol,
      @NotNull JsonNode settings,
      Boolean enabled,
      @PositiveOrZero Long version) {

    ConnectionService.Draft draft() {
      return new ConnectionService.Draft(
          site, name, protocol, settings, enabled == null || enabled);
    }
  }

  private final ConnectionService connections;
  private final ConnectionRegistry registry;

  ConnectionController(ConnectionService connections, ConnectionRegistry registry) {
    this.connections = connections;
    this.registry = registry;
  }

  @GetMapping
  @Operation(summary = "List connections by name, of one site or all the caller may see")
  List<ConnectionView> list(@RequestParam(required = false) @Pattern(regexp = SITE) String site) {
    return connections.list(site);
  }

  @PostMapping
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Create a connection; it starts at once when enabled")
  ResponseEntity<ConnectionView> create(@Valid @RequestBody ConnectionRequest body) {
    ConnectionView created = connections.create(body.draft());
    return ResponseEntity.created(URI.create("/api/v1/connections/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  ConnectionView get(@PathVariable UUID id) {
    return connections.get(id);
  }

  @PutMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Replace a connection (send the version you read); applied without restart")
  ConnectionView update(@PathVariable UUID id, @Valid @RequestBody ConnectionRequest body) {
    if (body.version() == null) {
      throw new dev.takt.shared.InvalidInputException("version", "send the version you read");
    }
    return connections.update(id, body.draft(), body.version());
  }

  @DeleteMapping("/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Delete a connection no work unit maps; its connector stops")
  ResponseEntity<Void> delete(@PathVariable UUID id) {
    connections.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/status")
  @Operation(summary = "State, counters, last error and recent bad input of a connection")
  ConnectionRegistry.Status status(@PathVariable UUID id) {
    return registry.status(id);
  }

  @GetMapping("/{id}/browse")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  @Operation(summary = "Children of a node of an OPC UA server (no node: the Objects folder)")
  List<Browsable.BrowseEntry> browse(
      @PathVariable UUID id, @RequestParam(required = false) @Size(max = 512) String node) {
    return registry.browse(id, node == null || node.isBlank() ? null : node);
  }
}
