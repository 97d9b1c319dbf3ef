package dev.takt.traceability.web;

import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.traceability.internal.Lot;
import dev.takt.traceability.internal.LotService;
import dev.takt.traceability.internal.LotStatus;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The quality engineer's lot pages: the lots of the current site (search by lot or supplier lot,
 * filter by status), and one lot's genealogy drawn as a graph (static/js/trace.js reads the trace
 * API and moves along the graph when a lot is clicked) with the records behind each link.
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
class LotPages {

  private static final String LIST = "/traceability/lots";

  private final LotService lots;
  private final CurrentSite currentSite;
  private final MessageSource messages;

  LotPages(LotService lots, CurrentSite currentSite, MessageSource messages) {
    this.lots = lots;
    this.currentSite = currentSite;
    this.messages = messages;
  }

  @GetMapping(LIST)
  String list(
      @RequestParam(required = false) LotStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String after,
      HttpSession session,
      Model model) {
    String site = currentSite.get(session).orElse(null);
    String search = q == null || q.isBlank() ? null : q.strip();
    if (search != null && search.length() > 60) {
      search = search.substring(0, 60);
    }
    CursorPage<Lot> page =
        site == null
            ? new CursorPage<>(List.of(), null)
            : lots.list(site, null, search, status, after, 50);
    List<String> query = new ArrayList<>();
    if (status != null) {
      query.add("status=" + status.name());
    }
    if (search != null) {
      query.add("q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    }
    model.addAttribute("page", page);
    model.addAttribute("site", site);
    model.addAttribute("status", status);
    model.addAttribute("q", search);
    model.addAttribute("statuses", LotStatus.values());
    model.addAttribute("baseQuery", String.join("&", query));
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("lots.title"), LIST)));
    return "traceability/lots";
  }

  @GetMapping(LIST + "/{id}/trace")
  String trace(@PathVariable UUID id, Model model) {
    Lot lot = lots.get(id);
    model.addAttribute("lot", lot);
    model.addAttribute("history", lots.history(id));
    model.addAttribute(
        "breadcrumbs",
        List.of(
            new Breadcrumb(text("lots.title"), LIST),
            new Breadcrumb(lot.lotNumber(), LIST + "/" + id + "/trace")));
    return "traceability/trace";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
