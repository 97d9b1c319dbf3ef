package dev.takt.reasons.web;

import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonNode;
import dev.takt.reasons.ReasonView;
import dev.takt.reasons.internal.ReasonService;
import dev.takt.reasons.rest.ReasonRequests;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Breadcrumb;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The reason catalogues: one tab per kind, downtime as a tree with colours and loss categories,
 * scrap and rework as indented lists; forms to create, change and deactivate. Office roles read,
 * the roles of the reasons API write.
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
class ReasonPagesController {

  private static final Set<Role> WRITERS =
      Set.of(Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION);

  /** A node of a tree flattened into a list line, with its depth for indentation. */
  record Line(ReasonView reason, int depth) {}

  private final ReasonService reasons;
  private final Validator validator;
  private final MessageSource messages;

  ReasonPagesController(ReasonService reasons, Validator validator, MessageSource messages) {
    this.reasons = reasons;
    this.validator = validator;
    this.messages = messages;
  }

  @GetMapping("/reasons")
  String catalogue(@RequestParam(defaultValue = "DOWNTIME") ReasonKind kind, Model model) {
    List<ReasonNode> tree = reasons.tree(kind, false);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", ReasonKind.values());
    model.addAttribute("tree", tree);
    model.addAttribute("lines", flatten(tree, 0, new ArrayList<>()));
    model.addAttribute("mayWrite", mayWrite());
    model.addAttribute(
        "breadcrumbs",
        List.of(
            new Breadcrumb(text("reasons.title"), "/reasons"),
            new Breadcrumb(text("reasons.kind." + kind), "/reasons?kind=" + kind)));
    return "reasons/catalogue";
  }

  @GetMapping("/reasons/new")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  String newReason(
      @RequestParam(defaultValue = "DOWNTIME") ReasonKind kind,
      @RequestParam(required = false) String parent,
      @RequestParam(defaultValue = "false") boolean category,
      Model model) {
    ReasonForm form = new ReasonForm();
    form.setKind(kind);
    form.setParent(parent);
    form.setCategory(category);
    model.addAttribute("reason", form);
    return form(model, kind, null);
  }

  @PostMapping("/reasons/new")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  String create(
      @ModelAttribute("reason") ReasonForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    ReasonKind kind = form.getKind() == null ? ReasonKind.DOWNTIME : form.getKind();
    form.setKind(kind);
    boolean downtime = kind == ReasonKind.DOWNTIME;
    ReasonRequests.CreateReason request =
        new ReasonRequests.CreateReason(
            kind,
            ReasonForm.blankToNull(form.getCode()),
            ReasonForm.blankToNull(form.getName()),
            ReasonForm.blankToNull(form.getDescription()),
            ReasonForm.blankToNull(form.getParent()),
            form.isCategory(),
            ReasonForm.blankToNull(form.getColour()),
            form.getSortOrder(),
            downtime ? planned(form) : null,
            downtime ? lossCategory(form, binding) : null);
    if (binding.hasErrors() || !FormErrors.validate(validator, request, binding)) {
      return form(model, kind, null);
    }
    try {
      ReasonView created = reasons.create(kind, request.code(), request.draft());
      Flash.success(redirect, text("reasons.created", created.code()));
      return "redirect:/reasons?kind=" + kind;
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, kind, null);
      }
      throw e;
    }
  }

  @GetMapping("/reasons/{id}")
  String edit(@PathVariable UUID id, Model model) {
    ReasonView reason = reasons.get(id);
    model.addAttribute("reason", ReasonForm.of(reason));
    return form(model, reason.kind(), reason);
  }

  @PostMapping("/reasons/{id}")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  String update(
      @PathVariable UUID id,
      @ModelAttribute("reason") ReasonForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    ReasonView current = reasons.get(id);
    form.setKind(current.kind());
    form.setCode(current.code());
    boolean downtime = current.kind() == ReasonKind.DOWNTIME;
    ReasonRequests.UpdateReason request =
        new ReasonRequests.UpdateReason(
            ReasonForm.blankToNull(form.getName()),
            ReasonForm.blankToNull(form.getDescription()),
            ReasonForm.blankToNull(form.getParent()),
            form.isCategory(),
            ReasonForm.blankToNull(form.getColour()),
            form.getSortOrder(),
            form.isActive(),
            downtime ? planned(form) : null,
            downtime ? lossCategory(form, binding) : null,
            form.getVersion());
    if (binding.hasErrors() || !FormErrors.validate(validator, request, binding)) {
      return form(model, current.kind(), current);
    }
    try {
      reasons.update(id, request.draft(), request.version());
      Flash.success(redirect, text("reasons.saved", current.code()));
      return "redirect:/reasons?kind=" + current.kind();
    } catch (RuntimeException e) {
      if (FormErrors.reject(binding, e)) {
        return form(model, current.kind(), current);
      }
      throw e;
    }
  }

  @PostMapping("/reasons/{id}/deactivate")
  @RequiresRole({Role.ADMIN, Role.SUPERVISOR, Role.QUALITY, Role.INTEGRATION})
  String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
    ReasonView current = reasons.get(id);
    try {
      reasons.deactivate(id);
      Flash.success(redirect, text("reasons.deactivated", current.code()));
    } catch (dev.takt.shared.ConflictException e) {
      Flash.error(redirect, e.getMessage());
    }
    return "redirect:/reasons?kind=" + current.kind();
  }

  private String form(Model model, ReasonKind kind, ReasonView existing) {
    List<Line> lines = flatten(reasons.tree(kind, false), 0, new ArrayList<>());
    model.addAttribute("kind", kind);
    model.addAttribute("kindLabel", text("reasons.kind." + kind));
    model.addAttribute("existing", existing);
    model.addAttribute(
        "parents",
        lines.stream()
            .map(Line::reason)
            .filter(r -> r.category() && r.active())
            .filter(r -> existing == null || !r.id().equals(existing.id()))
            .toList());
    model.addAttribute("lossCategories", LossCategory.values());
    model.addAttribute("mayWrite", mayWrite());
    List<Breadcrumb> crumbs = new ArrayList<>();
    crumbs.add(new Breadcrumb(text("reasons.title"), "/reasons"));
    crumbs.add(new Breadcrumb(text("reasons.kind." + kind), "/reasons?kind=" + kind));
    crumbs.add(
        existing == null
            ? new Breadcrumb(text("reasons.new"), "/reasons/new?kind=" + kind)
            : new Breadcrumb(existing.code(), "/reasons/" + existing.id()));
    model.addAttribute("breadcrumbs", crumbs);
    return "reasons/form";
  }

  private static Boolean planned(ReasonForm form) {
    String p = ReasonForm.blankToNull(form.getPlanned());
    return p == null ? null : Boolean.valueOf(p);
  }

  private static LossCategory lossCategory(ReasonForm form, BindingResult binding) {
    String c = ReasonForm.blankToNull(form.getLossCategory());
    if (c == null) {
      return null;
    }
    try {
      return LossCategory.valueOf(c);
    } catch (IllegalArgumentException e) {
      binding.rejectValue("lossCategory", "invalid", "is not a loss category");
      return null;
    }
  }

  private static List<Line> flatten(List<ReasonNode> nodes, int depth, List<Line> into) {
    for (ReasonNode n : nodes) {
      into.add(new Line(n.reason(), depth));
      flatten(n.children(), depth + 1, into);
    }
    return into;
  }

  private static boolean mayWrite() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.getAuthorities().stream()
            .anyMatch(a -> WRITERS.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
