package dev.takt.equipment.web;

import dev.takt.identity.SiteAccess;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every plant page needs besides its service: texts in the caller's language, the roles. */
@Component
class PageSupport {

  private final MessageSource messages;
  private final SiteAccess access;
  private final CurrentSite currentSite;

  PageSupport(MessageSource messages, SiteAccess access, CurrentSite currentSite) {
    this.messages = messages;
    this.access = access;
    this.currentSite = currentSite;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /**
   * Makes the shown site the current one of the site switcher, so that the top bar and the page
   * agree; a site the switcher does not offer (an inactive one) leaves the choice alone.
   */
  void showing(String siteCode, HttpSession session, Model model) {
    if (currentSite.choices().contains(siteCode)) {
      currentSite.set(session, siteCode);
      model.addAttribute("currentSite", siteCode);
    }
  }

  /** Writes are for administrators and the ERP account, as on the API. */
  boolean mayWrite() {
    return access
        .principal()
        .map(p -> p.roles().contains(Role.ADMIN) || p.roles().contains(Role.INTEGRATION))
        .orElse(false);
  }

  /** The trail Plant › site › ...: pairs of label and link, the last one without a link. */
  List<Breadcrumb> breadcrumbs(String siteCode, String... labelsAndLinks) {
    List<Breadcrumb> trail = new ArrayList<>();
    trail.add(new Breadcrumb(text("plant.title"), "/plant"));
    if (siteCode != null) {
      trail.add(new Breadcrumb(siteCode, "/plant?site=" + siteCode));
    }
    for (int i = 0; i < labelsAndLinks.length; i += 2) {
      trail.add(
          new Breadcrumb(
              labelsAndLinks[i], i + 1 < labelsAndLinks.length ? labelsAndLinks[i + 1] : null));
    }
    return trail;
  }
}
