package dev.takt.machines.web;

import dev.takt.machines.MachineStatusView;
import dev.takt.machines.internal.ConnectionRegistry;
import dev.takt.machines.internal.ConnectionService;
import dev.takt.machines.internal.ConnectionView;
import dev.takt.machines.internal.MachineStatusService;
import dev.takt.machines.internal.Protocol;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plant's machines: a board of every mapped work unit's state (refreshed every few seconds),
 * and the connections with their status, a form to create and change them, and a browser for an OPC
 * UA server's nodes. Office roles read; ADMIN and INTEGRATION change connections.
 */
@PageController
@RequiresRole({
  Role.ADMIN,
  Role.PLANNER,
  Role.SUPERVISOR,
  Role.QUALITY,
  Role.AUDITOR,
  Role.INTEGRATION
})
class MachinePages {

  private static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.INTEGRATION);

  /** A connection in the list, with how it stands. */
  record Row(ConnectionView connection, ConnectionRegistry.Status status) {}

  private final MachineStatusService states;
  private final ConnectionService connections;
  private final ConnectionRegistry registry;
  private final CurrentSite currentSite;
  private final JsonMapper json;
  private final MessageSource messages;

  MachinePages(
      MachineStatusService states,
      ConnectionService connections,
      ConnectionRegistry registry,
      CurrentSite currentSite,
      JsonMapper json,
      MessageSource messages) {
    this.states = states;
    this.connections = connections;
    this.registry = registry;
    this.currentSite = currentSite;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/machines")
  String board(HttpSession session, Model model) {
    String site = currentSite.get(session).orElse(null);
    model.addAttribute("site", site);
    model.addAttribute("states", site == null ? List.<MachineStatusView>of() : states.states(site));
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("machines.title"), "/machines")));
    return "machines/board";
  }

  @GetMapping("/machines/board")
  String boardFragment(HttpSession session, Model model) {
    String site = currentSite.get(session).orElse(null);
    model.addAttribute("site", site);
    model.addAttribute("states", site == null ? List.<MachineStatusView>of() : states.states(site));
    return "machines/board :: board";
  }

  @GetMapping("/machines/connections")
  String connections(Model model) {
    List<Row> rows = new ArrayList<>();
    for (ConnectionView c : connections.list(null)) {
      rows.add(new Row(c, registry.status(c.id())));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("mayWrite", mayWrite());
    model.addAttribute(
        "breadcrumbs",
        List.of(
            new Breadcrumb(text("machines.title"), "/machines"),
            new Breadcrumb(text("machines.connections"), "/machines/connections")));
    return "machines/connections";
  }

  @GetMapping("/machines/connections/new")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String newConnection(HttpSession session, Model model) {
    ConnectionForm form = new ConnectionForm();
    form.setSite(currentSite.get(session).orElse(null));
    model.addAttribute("connection", form);
    return form(model, null);
  }

  @PostMapping("/machines/connections/new")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String create(
      @ModelAttribute("connection") ConnectionForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    try {
      ConnectionView created = connections.create(draft(form));
      Flash.success(redirect, text("machines.connectionSaved", created.name()));
      return "redirect:/machines/connections/" + created.id();
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, null);
      }
      throw e;
    }
  }

  @GetMapping("/machines/connections/{id}")
  String edit(@PathVariable UUID id, Model model) {
    ConnectionView c = connections.get(id);
    model.addAttribute("connection", ConnectionForm.of(c, pretty(c.settings())));
    return form(model, c);
  }

  @PostMapping("/machines/connections/{id}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String update(
      @PathVariable UUID id,
      @ModelAttribute("connection") ConnectionForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    ConnectionView current = connections.get(id);
    form.setProtocol(current.protocol());
    try {
      ConnectionView saved = connections.update(id, draft(form), form.getVersion());
      Flash.success(redirect, text("machines.connectionSaved", saved.name()));
      return "redirect:/machines/connections/" + id;
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, current);
      }
      throw e;
    }
  }

  @GetMapping("/machines/connections/{id}/browse")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String browse(@PathVariable UUID id, @RequestParam(required = false) String node, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("node", node);
    try {
      model.addAttribute(
          "entries", registry.browse(id, node == null || node.isBlank() ? null : node));
    } catch (RuntimeException e) {
      model.addAttribute("entries", List.of());
      model.addAttribute("browseError", e.getMessage());
    }
    return "machines/connection-form :: browse";
  }

  private ConnectionService.Draft draft(ConnectionForm form) {
    JsonNode settings;
    try {
      settings = json.readTree(form.getSettings() == null ? "" : form.getSettings());
    } catch (JacksonException e) {
      throw new InvalidInputException("settings", "is not valid JSON");
    }
    if (settings == null || !settings.isObject()) {
      throw new InvalidInputException("settings", "must be a JSON object");
    }
    if (form.getPassword() != null && !form.getPassword().isBlank()) {
      Protocol protocol = form.getProtocol() == null ? Protocol.OPCUA : form.getProtocol();
      for (String pointer : connections.secretPointers(protocol)) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        JsonNode p = parent.isEmpty() ? settings : settings.at(parent);
        if (p instanceof ObjectNode o) {
          o.put(pointer.substring(pointer.lastIndexOf('/') + 1), form.getPassword());
        }
      }
    }
    if (form.getName() == null || form.getName().isBlank()) {
      throw new InvalidInputException("name", text("machines.required"));
    }
    if (form.getSite() == null || form.getSite().isBlank()) {
      throw new InvalidInputException("site", text("machines.required"));
    }
    return new ConnectionService.Draft(
        form.getSite(), form.getName(), form.getProtocol(), settings, form.isEnabled());
  }

  private String form(Model model, ConnectionView existing) {
    model.addAttribute("existing", existing);
    model.addAttribute("protocols", Protocol.values());
    model.addAttribute("sites", currentSite.choices());
    model.addAttribute("mayWrite", mayWrite());
    model.addAttribute("status", existing == null ? null : registry.status(existing.id()));
    model.addAttribute("examples", examples());
    model.addAttribute(
        "breadcrumbs",
        List.of(
            new Breadcrumb(text("machines.title"), "/machines"),
            new Breadcrumb(text("machines.connections"), "/machines/connections"),
            new Breadcrumb(
                existing == null ? text("machines.newConnection") : existing.name(),
                existing == null
                    ? "/machines/connections/new"
                    : "/machines/connections/" + existing.id())));
    return "machines/connection-form";
  }

  private static Map<String, String> examples() {
    return Map.of(
        "OPCUA",
        "{\"endpointUrl\": \"opc.tcp://plc:4840\", \"securityPolicy\": \"NONE\","
            + " \"securityMode\": \"NONE\", \"monitoredItems\": [{\"nodeId\": \"ns=2;s=Mill.Speed\","
            + " \"source\": \"MILL-01\", \"samplingIntervalMs\": 250}]}",
        "MTCONNECT",
        "{\"agentUrl\": \"http://agent:5000\", \"device\": \"Mazak\"}",
        "MQTT",
        "{\"brokerUrl\": \"tcp://broker:1883\", \"mode\": \"json\", \"topics\": [{\"filter\":"
            + " \"plant/+/telemetry\", \"sourceLevel\": 1, \"fields\": {\"/spindle/speed\":"
            + " \"spindleSpeed\"}}]}");
  }

  private String pretty(JsonNode node) {
    return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  private boolean mayWrite() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(a -> WRITERS.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
