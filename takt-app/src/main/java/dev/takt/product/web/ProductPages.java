package dev.takt.product.web;

import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every products page shares: who may change product data (the roles the REST API admits for
 * writes), the breadcrumb trail and localized flash text. The buttons a caller may not use are
 * hidden, and the server refuses them anyway through {@code @RequiresRole}.
 */
@Component
class ProductPages {

  /** The roles that may change products; the same as the API's writes. */
  static final Set<Role> WRITERS = Set.of(Role.ADMIN, Role.PLANNER, Role.INTEGRATION);

  /** How many rows a list page shows before the pager. */
  static final int PAGE_SIZE = 50;

  private final MessageSource messages;

  ProductPages(MessageSource messages) {
    this.messages = messages;
  }

  static boolean canWrite() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(a -> WRITERS.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
  }

  String text(String key, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, args, locale);
  }

  /** Puts the tab, the write flag and the trail "Products › tab › here…" into the model. */
  void frame(Model model, String tab, Breadcrumb... trail) {
    model.addAttribute("tab", tab);
    model.addAttribute("canWrite", canWrite());
    List<Breadcrumb> crumbs = new ArrayList<>();
    crumbs.add(new Breadcrumb(text("products.title"), "/products/materials"));
    crumbs.addAll(List.of(trail));
    model.addAttribute("breadcrumbs", crumbs);
  }

  /** A query string of the non-empty parameters, encoded, for the pager's links. */
  static String query(String... namesAndValues) {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      String value = namesAndValues[i + 1];
      if (value == null || value.isEmpty()) {
        continue;
      }
      if (!q.isEmpty()) {
        q.append('&');
      }
      q.append(namesAndValues[i])
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
    return q.toString();
  }
}
