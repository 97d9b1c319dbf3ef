package dev.takt.orders.web;

import dev.takt.orders.OrderStatus;
import dev.takt.orders.internal.OrderDetails;
import dev.takt.orders.internal.OrderService;
import dev.takt.orders.rest.OrderRequests;
import dev.takt.shared.ConflictException;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
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

/**
 * The supervisor's view of production orders at the current site: the list with status and
 * progress, and an order with its operations and the verbs its status and the user's roles allow.
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
class OrderPages {

  private static final String LIST = "/production/orders";
  private static final Set<Role> RELEASE = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.SUPERVISOR);
  private static final Set<Role> HOLD = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.PLANNER);
  private static final Set<Role> CLOSE = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

  private final OrderService orders;
  private final CurrentSite currentSite;
  private final Validator validator;
  private final MessageSource messages;

  OrderPages(
      OrderService orders, CurrentSite currentSite, Validator validator, MessageSource messages) {
    this.orders = orders;
    this.currentSite = currentSite;
    this.validator = validator;
    this.messages = messages;
  }

  @GetMapping(LIST)
  String list(
      @RequestParam(required = false) OrderStatus status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String after,
      HttpSession session,
      Model model) {
    String site = currentSite.get(session).orElse(null);
    String search = q == null || q.isBlank() ? null : q.strip();
    if (search != null && search.length() > 40) {
      search = search.substring(0, 40);
    }
    CursorPage<OrderDetails> page =
        site == null
            ? new CursorPage<>(List.of(), null)
            : orders.list(site, status, null, null, search, after, 50);
    List<String> query = new ArrayList<>();
    if (status != null) {
      query.add("status=" + status.name());
    }
    if (search != null) {
      query.add("q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
    }
    model.addAttribute("page", page);
    model.addAttribute("site", site);
    model.addAttribute("status", status);
    model.addAttribute("q", search);
    model.addAttribute("statuses", OrderStatus.values());
    model.addAttribute("baseQuery", String.join("&", query));
    model.addAttribute("breadcrumbs", List.of(new Breadcrumb(text("orders.title"), LIST)));
    return "orders/list";
  }

  @GetMapping(LIST + "/{orderNumber}")
  String detail(@PathVariable String orderNumber, Model model) {
    return render(orderNumber, model, new ReasonForm(), new ReasonForm(), null);
  }

  @PostMapping(LIST + "/{orderNumber}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.SUPERVISOR})
  String release(@PathVariable String orderNumber, Model model, RedirectAttributes redirect) {
    return act(orderNumber, model, redirect, "orders.released", () -> orders.release(orderNumber));
  }

  @PostMapping(LIST + "/{orderNumber}/resume")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  String resume(@PathVariable String orderNumber, Model model, RedirectAttributes redirect) {
    return act(orderNumber, model, redirect, "orders.resumed", () -> orders.resume(orderNumber));
  }

  @PostMapping(LIST + "/{orderNumber}/close")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR})
  String close(@PathVariable String orderNumber, Model model, RedirectAttributes redirect) {
    return act(orderNumber, model, redirect, "orders.closed", () -> orders.close(orderNumber));
  }

  @PostMapping(LIST + "/{orderNumber}/hold")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  String hold(
      @PathVariable String orderNumber,
      @ModelAttribute("holdForm") ReasonForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!FormErrors.validate(validator, new OrderRequests.Reason(form.getReason()), errors)) {
      return render(orderNumber, model, form, new ReasonForm(), null);
    }
    try {
      orders.hold(orderNumber, form.getReason());
    } catch (InvalidInputException | ConflictException e) {
      FormErrors.reject(errors, e);
      return render(orderNumber, model, form, new ReasonForm(), null);
    }
    Flash.success(redirect, text("orders.held", orderNumber));
    return "redirect:" + LIST + "/" + orderNumber;
  }

  @PostMapping(LIST + "/{orderNumber}/cancel")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.PLANNER})
  String cancel(
      @PathVariable String orderNumber,
      @ModelAttribute("cancelForm") ReasonForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!FormErrors.validate(validator, new OrderRequests.Reason(form.getReason()), errors)) {
      return render(orderNumber, model, new ReasonForm(), form, null);
    }
    try {
      orders.cancel(orderNumber, form.getReason());
    } catch (InvalidInputException | ConflictException e) {
      FormErrors.reject(errors, e);
      return render(orderNumber, model, new ReasonForm(), form, null);
    }
    Flash.success(redirect, text("orders.cancelled", orderNumber));
    return "redirect:" + LIST + "/" + orderNumber;
  }

  /** A verb without a form: success redirects, a refusal shows the page with the reason. */
  private String act(
      String orderNumber,
      Model model,
      RedirectAttributes redirect,
      String doneKey,
      Supplier<OrderDetails> verb) {
    try {
      verb.get();
    } catch (ConflictException e) {
      return render(orderNumber, model, new ReasonForm(), new ReasonForm(), e.getMessage());
    }
    Flash.success(redirect, text(doneKey, orderNumber));
    return "redirect:" + LIST + "/" + orderNumber;
  }

  private String render(
      String orderNumber, Model model, ReasonForm hold, ReasonForm cancel, String refusal) {
    OrderDetails order = orders.get(orderNumber);
    Set<Role> roles = roles();
    OrderStatus s = order.status();
    model.addAttribute("order", order);
    model.addAttribute("operations", orders.operations(orderNumber));
    model.addAttribute("components", orders.components(orderNumber));
    if (!model.containsAttribute("holdForm")) {
      model.addAttribute("holdForm", hold);
    }
    if (!model.containsAttribute("cancelForm")) {
      model.addAttribute("cancelForm", cancel);
    }
    model.addAttribute("refusal", refusal);
    model.addAttribute("canRelease", any(roles, RELEASE) && s == OrderStatus.CREATED);
    model.addAttribute(
        "canHold", any(roles, HOLD) && (s == OrderStatus.RELEASED || s == OrderStatus.IN_PROGRESS));
    model.addAttribute("canResume", any(roles, HOLD) && s == OrderStatus.ON_HOLD);
    model.addAttribute(
        "canCancel",
        any(roles, HOLD)
            && (s == OrderStatus.CREATED || s == OrderStatus.RELEASED || s == OrderStatus.ON_HOLD));
    model.addAttribute("canClose", any(roles, CLOSE) && s == OrderStatus.COMPLETED);
    model.addAttribute(
        "breadcrumbs",
        List.of(
            new Breadcrumb(text("orders.title"), LIST),
            new Breadcrumb(orderNumber, LIST + "/" + orderNumber)));
    return "orders/detail";
  }

  private static boolean any(Set<Role> held, Set<Role> allowed) {
    return held.stream().anyMatch(allowed::contains);
  }

  private static Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null) {
      for (Role role : Role.values()) {
        if (auth.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals(role.authority()))) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
