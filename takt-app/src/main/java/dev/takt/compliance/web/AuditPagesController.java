package dev.takt.compliance.web;

import dev.takt.compliance.AuditRecord;
import dev.takt.compliance.ChainVerification;
import dev.takt.compliance.internal.AuditQueries;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.PageController;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit trail for people: search it, follow one record's history as a timeline of what changed,
 * and check that the hash chain is intact. Read-only, for the roles of the audit API. Times are UTC
 * throughout, as stored, so that auditors of different plants read the same numbers.
 */
@PageController
@RequiresRole({Role.ADMIN, Role.AUDITOR, Role.QUALITY})
class AuditPagesController {

  private static final int PAGE_SIZE = 50;
  private static final int HISTORY_SIZE = 200;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** A record as a line of the results or an entry of the timeline. */
  record Entry(AuditRecord record, String time, List<Changes.Field> fields) {}

  private final AuditQueries queries;
  private final ObjectMapper json;
  private final MessageSource messages;

  AuditPagesController(AuditQueries queries, ObjectMapper json, MessageSource messages) {
    this.queries = queries;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/audit")
  String search(
      @ModelAttribute("search") AuditSearchForm form,
      BindingResult binding,
      @RequestParam(required = false) String after,
      Model model) {
    String entity = limited(form.getEntity(), 60, "entity", binding);
    String key = limited(form.getKey(), 200, "key", binding);
    String actor = limited(form.getActor(), 100, "actor", binding);
    Instant from = utc(form.getFrom(), "from", binding);
    Instant to = utc(form.getTo(), "to", binding);
    after = cursor(after);
    if (!binding.hasErrors()) {
      CursorPage<AuditRecord> page = queries.search(entity, key, actor, from, to, after, PAGE_SIZE);
      model.addAttribute("page", page);
      model.addAttribute(
          "entries", page.items().stream().map(r -> new Entry(r, time(r), List.of())).toList());
      pageLinks(model, "/audit", query(form), after, page);
    }
    // The chain is checked on every visit: the badge is the first thing an auditor looks for.
    model.addAttribute("chain", queries.verify());
    // Without htmx, "verify now" reloads this very search.
    String query = query(form);
    model.addAttribute("verifyHref", query.isEmpty() ? "/audit" : "/audit?" + query);
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("audit.title"), "/audit")));
    return "compliance/search";
  }

  /** The badge alone, for the "verify now" button when htmx is there to swap it in. */
  @GetMapping("/audit/verify")
  String verifyFragment(
      @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false)
          String htmx,
      Model model) {
    if (htmx == null) {
      return "redirect:/audit"; // without htmx the whole page verifies anyway
    }
    ChainVerification chain = queries.verify();
    model.addAttribute("chain", chain);
    return "compliance/search :: chain";
  }

  @GetMapping("/audit/history")
  String history(
      @RequestParam String entity,
      @RequestParam String key,
      @RequestParam(required = false) String after,
      Model model) {
    if (entity.length() > 60 || key.length() > 200) {
      throw new dev.takt.shared.InvalidInputException("key", "is too long");
    }
    after = cursor(after);
    CursorPage<AuditRecord> page =
        queries.search(entity, key, null, null, null, after, HISTORY_SIZE);
    model.addAttribute("entity", entity);
    model.addAttribute("key", key);
    model.addAttribute("page", page);
    model.addAttribute(
        "entries",
        page.items().stream()
            .map(r -> new Entry(r, time(r), Changes.between(json, r.oldValue(), r.newValue())))
            .toList());
    pageLinks(
        model, "/audit/history", "entity=" + encode(entity) + "&key=" + encode(key), after, page);
    List<Breadcrumb> crumbs = new ArrayList<>();
    crumbs.add(new Breadcrumb(text("audit.title"), "/audit"));
    crumbs.add(
        new Breadcrumb(
            entity + " " + key, "/audit/history?entity=" + encode(entity) + "&key=" + encode(key)));
    model.addAttribute("breadcrumbs", crumbs);
    return "compliance/history";
  }

  /** A cursor as this page hands them out (a sequence number), or null. */
  private static String cursor(String after) {
    boolean valid =
        after != null
            && !after.isEmpty()
            && after.length() <= 18
            && after.chars().allMatch(c -> c >= '0' && c <= '9');
    return valid ? after : null;
  }

  private static void pageLinks(
      Model model, String path, String query, String after, CursorPage<AuditRecord> page) {
    String base = path + "?" + (query.isEmpty() ? "" : query + "&");
    model.addAttribute("firstHref", after == null ? null : base);
    model.addAttribute(
        "nextHref", page.nextCursor() == null ? null : base + "after=" + page.nextCursor());
  }

  private static String time(AuditRecord r) {
    return UTC.format(r.occurredAt());
  }

  private static String limited(String value, int max, String field, BindingResult binding) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      binding.rejectValue(field, "tooLong", "at most " + max + " characters");
      return null;
    }
    return v;
  }

  /** A local date-time from the browser, read as UTC (the page says so next to the input). */
  private static Instant utc(String value, String field, BindingResult binding) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      binding.rejectValue(field, "invalid", "is not a date and time (YYYY-MM-DDTHH:MM)");
      return null;
    }
  }

  private static String query(AuditSearchForm form) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("entity", form.getEntity());
    params.put("key", form.getKey());
    params.put("actor", form.getActor());
    params.put("from", form.getFrom());
    params.put("to", form.getTo());
    StringBuilder q = new StringBuilder();
    params.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(encode(value));
          }
        });
    return q.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
