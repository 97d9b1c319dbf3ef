package dev.takt.equipment.web;

import dev.takt.identity.SiteAccess;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What every plant page needs besides its service: texts in the caller's language, the roles. */
@Component
class PageSupport {

  private final MessageSource messages;
  private final SiteAccess access;

  PageSupport(MessageSource messages, SiteAccess access) {
    this.messages = messages;
    this.access = access;
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
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
