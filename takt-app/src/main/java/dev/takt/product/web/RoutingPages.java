package dev.takt.product.web;

import dev.takt.equipment.Equipment;
import dev.takt.equipment.WorkCenterView;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.RoutingView;
import dev.takt.product.internal.ProductCommands;
import dev.takt.product.internal.RoutingService;
import dev.takt.product.rest.ProductRequests;
import dev.takt.shared.CursorPage;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.shared.StaleVersionException;
import dev.takt.web.Breadcrumb;
import dev.takt.web.CurrentSite;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing pages: the list by material and site (the current site unless told otherwise), one
 * version with its operations and the version history of its material at its site, the operation
 * editor of a DRAFT, and a side-by-side comparison of two versions. Adding, removing and moving
 * operations change the form only; Save writes it. Site access is the service's: a routing of a
 * site the caller may not act on is refused (403).
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
class RoutingPages {

  private final RoutingService routings;
  private final Equipment equipment;
  private final CurrentSite currentSite;
  private final Validator validator;
  private final ProductPages pages;

  RoutingPages(
      RoutingService routings,
      Equipment equipment,
      CurrentSite currentSite,
      Validator validator,
      ProductPages pages) {
    this.routings = routings;
    this.equipment = equipment;
    this.currentSite = currentSite;
    this.validator = validator;
    this.pages = pages;
  }

  @GetMapping("/products/routings")
  String list(
      @RequestParam(required = false) String material,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) ReleaseStatus status,
      @RequestParam(required = false) String after,
      HttpSession session,
      Model model) {
    String m = material == null || material.isBlank() ? null : material.strip();
    // No site asked for: the one chosen in the switcher. An empty choice means all my sites.
    String s = site == null ? currentSite.get(session).orElse(null) : site.isBlank() ? null : site;
    CursorPage<RoutingView> page = routings.list(m, s, status, after, ProductPages.PAGE_SIZE);
    pages.frame(model, "routings", new Breadcrumb(pages.text("routings.title"), null));
    model.addAttribute("page", page);
    model.addAttribute("material", m);
    model.addAttribute("site", s);
    model.addAttribute("status", status);
    model.addAttribute("statuses", ReleaseStatus.values());
    model.addAttribute("sites", currentSite.choices());
    model.addAttribute(
        "baseQuery",
        ProductPages.query(
            "material",
            m,
            "site",
            s == null ? "" : s,
            "status",
            status == null ? null : status.name()));
    return "product/routings";
  }

  @GetMapping("/products/routings/new")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String newForm(
      @RequestParam(required = false) String material,
      @RequestParam(required = false) String site,
      HttpSession session,
      Model model) {
    RoutingForm form = new RoutingForm();
    form.setMaterial(material);
    form.setSite(site == null || site.isBlank() ? currentSite.get(session).orElse(null) : site);
    form.addOperation();
    return newPage(model, form, false);
  }

  @PostMapping("/products/routings")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String create(
      @ModelAttribute("form") RoutingForm form,
      BindingResult errors,
      @RequestParam(required = false) String action,
      Model model,
      RedirectAttributes redirect) {
    Editing editing = Editing.of(action);
    if (!editing.saves()) {
      apply(form, editing);
      return newPage(model, form, true);
    }
    var request =
        new ProductRequests.CreateRouting(form.getMaterial(), form.getSite(), operations(form));
    RoutingView created =
        attempt(
            errors,
            request,
            () ->
                routings.create(
                    new ProductCommands.DraftRouting(
                        request.material(), request.site(), lines(request.operations()))));
    if (created == null) {
      return newPage(model, form, false);
    }
    Flash.success(
        redirect,
        pages.text(
            "routings.created", created.material(), created.site(), created.routingVersion()));
    return "redirect:/products/routings/" + created.id();
  }

  @GetMapping("/products/routings/{id}")
  String show(@PathVariable UUID id, Model model) {
    RoutingView routing = routings.get(id);
    return page(model, routing, RoutingForm.of(routing), false);
  }

  @PostMapping("/products/routings/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String save(
      @PathVariable UUID id,
      @ModelAttribute("form") RoutingForm form,
      BindingResult errors,
      @RequestParam(required = false) String action,
      Model model,
      RedirectAttributes redirect) {
    RoutingView routing = routings.get(id);
    form.setMaterial(routing.material());
    form.setSite(routing.site());
    Editing editing = Editing.of(action);
    if (!editing.saves()) {
      apply(form, editing);
      return page(model, routing, form, true);
    }
    var request = new ProductRequests.UpdateRouting(operations(form), form.getVersion());
    RoutingView saved =
        attempt(
            errors,
            request,
            () ->
                routings.update(
                    id,
                    new ProductCommands.ReviseRouting(
                        lines(request.operations()), request.version())));
    if (saved == null) {
      return page(model, routing, form, false);
    }
    Flash.success(
        redirect,
        pages.text("routings.saved", saved.material(), saved.site(), saved.routingVersion()));
    return "redirect:/products/routings/" + id;
  }

  @PostMapping("/products/routings/{id}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String release(@PathVariable UUID id, RedirectAttributes redirect) {
    RoutingView r = routings.release(id);
    Flash.success(
        redirect, pages.text("routings.released", r.material(), r.site(), r.routingVersion()));
    return "redirect:/products/routings/" + id;
  }

  @PostMapping("/products/routings/{id}/copy")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String copy(@PathVariable UUID id, RedirectAttributes redirect) {
    RoutingView r = routings.copy(id);
    Flash.success(
        redirect, pages.text("routings.copied", r.material(), r.site(), r.routingVersion()));
    return "redirect:/products/routings/" + r.id();
  }

  @PostMapping("/products/routings/{id}/delete")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    RoutingView r = routings.get(id);
    routings.delete(id);
    Flash.success(
        redirect, pages.text("routings.deleted", r.material(), r.site(), r.routingVersion()));
    return "redirect:/products/routings?site="
        + MaterialPages.encode(r.site())
        + "&material="
        + MaterialPages.encode(r.material());
  }

  @GetMapping("/products/routings/diff")
  String diff(@RequestParam UUID left, @RequestParam UUID right, Model model) {
    RoutingView l = routings.get(left);
    RoutingView r = routings.get(right);
    if (!l.material().equals(r.material()) || !l.site().equals(r.site())) {
      throw new InvalidInputException(
          "right", "compares only versions of one material at one site");
    }
    pages.frame(
        model,
        "routings",
        new Breadcrumb(pages.text("routings.title"), "/products/routings"),
        new Breadcrumb(l.material() + " @ " + l.site(), "/products/routings/" + r.id()),
        new Breadcrumb(pages.text("diff.title"), null));
    model.addAttribute("diff", RoutingDiff.of(l, r));
    model.addAttribute("fields", RoutingDiff.FIELDS);
    model.addAttribute("history", history(l));
    return "product/routing-diff";
  }

  /** Validates like the API, then calls the service; null when the form goes back with errors. */
  private <T> RoutingView attempt(BindingResult errors, T request, Supplier<RoutingView> call) {
    if (errors.hasErrors() || !FormErrors.validate(validator, request, errors)) {
      return null;
    }
    try {
      return call.get();
    } catch (StaleVersionException stale) {
      errors.reject("stale", pages.text("products.stale"));
    } catch (RuntimeException refused) {
      if (!FormErrors.reject(errors, refused)) {
        throw refused;
      }
    }
    return null;
  }

  private static void apply(RoutingForm form, Editing editing) {
    switch (editing.verb()) {
      case "add" -> form.addOperation();
      case "remove" -> form.removeOperation(editing.row());
      case "up" -> form.move(editing.row(), -1);
      case "down" -> form.move(editing.row(), 1);
      default -> {} // "site": show the work centers of the chosen site
    }
  }

  private String newPage(Model model, RoutingForm form, boolean unsaved) {
    pages.frame(
        model,
        "routings",
        new Breadcrumb(pages.text("routings.title"), "/products/routings"),
        new Breadcrumb(pages.text("routings.new"), null));
    model.addAttribute("form", form);
    model.addAttribute("unsaved", unsaved);
    model.addAttribute("sites", currentSite.choices());
    model.addAttribute("workCenters", workCenters(form.getSite()));
    return "product/routing-new";
  }

  private String page(Model model, RoutingView routing, RoutingForm form, boolean unsaved) {
    pages.frame(
        model,
        "routings",
        new Breadcrumb(pages.text("routings.title"), "/products/routings"),
        new Breadcrumb(
            routing.material() + " @ " + routing.site() + " v" + routing.routingVersion(), null));
    model.addAttribute("routing", routing);
    model.addAttribute("form", form);
    model.addAttribute("unsaved", unsaved);
    model.addAttribute(
        "editable", routing.status() == ReleaseStatus.DRAFT && ProductPages.canWrite());
    model.addAttribute("workCenters", workCenters(routing.site()));
    model.addAttribute("history", history(routing));
    return "product/routing";
  }

  private List<RoutingView> history(RoutingView routing) {
    return routings.list(routing.material(), routing.site(), null, null, 100).items();
  }

  private List<WorkCenterView> workCenters(String site) {
    return site == null || site.isBlank() ? List.of() : equipment.workCenters(site);
  }

  private static List<ProductRequests.Operation> operations(RoutingForm form) {
    return form.getOperations().stream()
        .map(
            o ->
                new ProductRequests.Operation(
                    o.getSequence(),
                    o.getDescription(),
                    o.getWorkCenter(),
                    o.getSetupSeconds(),
                    o.getCycleSeconds(),
                    o.getQualification(),
                    o.getToolType(),
                    o.getInspectionPlan()))
        .toList();
  }

  private static List<ProductCommands.OperationLine> lines(
      List<ProductRequests.Operation> operations) {
    return operations.stream()
        .map(
            o ->
                new ProductCommands.OperationLine(
                    o.sequence(),
                    o.description(),
                    o.workCenter(),
                    o.setupSeconds(),
                    o.cycleSeconds(),
                    o.qualification(),
                    o.toolType(),
                    o.inspectionPlan()))
        .toList();
  }
}
