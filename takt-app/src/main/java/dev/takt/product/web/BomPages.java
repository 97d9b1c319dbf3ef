package dev.takt.product.web;

import dev.takt.product.BomView;
import dev.takt.product.ReleaseStatus;
import dev.takt.product.internal.BomService;
import dev.takt.product.internal.ProductCommands;
import dev.takt.product.rest.ProductRequests;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.shared.StaleVersionException;
import dev.takt.web.Breadcrumb;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
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
 * The BOM pages: the list by material and status, one version with its items and the material's
 * version history, and for a DRAFT the editor. Adding or removing a line changes the form only;
 * Save writes it, Release freezes it, Copy starts the next draft from any version.
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
class BomPages {

  private final BomService boms;
  private final Validator validator;
  private final ProductPages pages;

  BomPages(BomService boms, Validator validator, ProductPages pages) {
    this.boms = boms;
    this.validator = validator;
    this.pages = pages;
  }

  @GetMapping("/products/boms")
  String list(
      @RequestParam(required = false) String material,
      @RequestParam(required = false) ReleaseStatus status,
      @RequestParam(required = false) String after,
      Model model) {
    String m = material == null || material.isBlank() ? null : material.strip();
    CursorPage<BomView> page = boms.list(m, status, null, after, ProductPages.PAGE_SIZE);
    pages.frame(model, "boms", new Breadcrumb(pages.text("boms.title"), null));
    model.addAttribute("page", page);
    model.addAttribute("material", m);
    model.addAttribute("status", status);
    model.addAttribute("statuses", ReleaseStatus.values());
    model.addAttribute(
        "baseQuery",
        ProductPages.query("material", m, "status", status == null ? null : status.name()));
    return "product/boms";
  }

  @GetMapping("/products/boms/new")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String newForm(@RequestParam(required = false) String material, Model model) {
    BomForm form = new BomForm();
    form.setMaterial(material);
    form.addItem();
    return newPage(model, form, false);
  }

  @PostMapping("/products/boms")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String create(
      @ModelAttribute("form") BomForm form,
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
        new ProductRequests.CreateBom(
            form.getMaterial(), form.getBaseQuantity(), form.getUnit(), items(form));
    BomView created =
        attempt(
            errors,
            request,
            () ->
                boms.create(
                    new ProductCommands.DraftBom(
                        request.material(),
                        request.baseQuantity(),
                        request.unit(),
                        lines(request.items()))));
    if (created == null) {
      return newPage(model, form, false);
    }
    Flash.success(redirect, pages.text("boms.created", created.material(), created.bomVersion()));
    return "redirect:/products/boms/" + created.id();
  }

  @GetMapping("/products/boms/{id}")
  String show(@PathVariable UUID id, Model model) {
    BomView bom = boms.get(id);
    return page(model, bom, BomForm.of(bom), false);
  }

  @PostMapping("/products/boms/{id}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String save(
      @PathVariable UUID id,
      @ModelAttribute("form") BomForm form,
      BindingResult errors,
      @RequestParam(required = false) String action,
      Model model,
      RedirectAttributes redirect) {
    BomView bom = boms.get(id);
    form.setMaterial(bom.material());
    Editing editing = Editing.of(action);
    if (!editing.saves()) {
      apply(form, editing);
      return page(model, bom, form, true);
    }
    var request =
        new ProductRequests.UpdateBom(
            form.getBaseQuantity(), form.getUnit(), items(form), form.getVersion());
    BomView saved =
        attempt(
            errors,
            request,
            () ->
                boms.update(
                    id,
                    new ProductCommands.ReviseBom(
                        request.baseQuantity(),
                        request.unit(),
                        lines(request.items()),
                        request.version())));
    if (saved == null) {
      return page(model, bom, form, false);
    }
    Flash.success(redirect, pages.text("boms.saved", saved.material(), saved.bomVersion()));
    return "redirect:/products/boms/" + id;
  }

  @PostMapping("/products/boms/{id}/release")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String release(@PathVariable UUID id, RedirectAttributes redirect) {
    BomView released = boms.release(id);
    Flash.success(
        redirect, pages.text("boms.released", released.material(), released.bomVersion()));
    return "redirect:/products/boms/" + id;
  }

  @PostMapping("/products/boms/{id}/copy")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String copy(@PathVariable UUID id, RedirectAttributes redirect) {
    BomView copy = boms.copy(id);
    Flash.success(redirect, pages.text("boms.copied", copy.material(), copy.bomVersion()));
    return "redirect:/products/boms/" + copy.id();
  }

  @PostMapping("/products/boms/{id}/delete")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String delete(@PathVariable UUID id, RedirectAttributes redirect) {
    BomView bom = boms.get(id);
    boms.delete(id);
    Flash.success(redirect, pages.text("boms.deleted", bom.material(), bom.bomVersion()));
    return "redirect:/products/boms?material=" + MaterialPages.encode(bom.material());
  }

  /** Validates like the API, then calls the service; null when the form goes back with errors. */
  private <T> BomView attempt(BindingResult errors, T request, Supplier<BomView> call) {
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

  private static void apply(BomForm form, Editing editing) {
    switch (editing.verb()) {
      case "add" -> form.addItem();
      case "remove" -> form.removeItem(editing.row());
      default -> {}
    }
  }

  private String newPage(Model model, BomForm form, boolean unsaved) {
    pages.frame(
        model,
        "boms",
        new Breadcrumb(pages.text("boms.title"), "/products/boms"),
        new Breadcrumb(pages.text("boms.new"), null));
    model.addAttribute("form", form);
    model.addAttribute("unsaved", unsaved);
    model.addAttribute("units", MaterialPages.UNITS);
    return "product/bom-new";
  }

  private String page(Model model, BomView bom, BomForm form, boolean unsaved) {
    pages.frame(
        model,
        "boms",
        new Breadcrumb(pages.text("boms.title"), "/products/boms"),
        new Breadcrumb(bom.material() + " v" + bom.bomVersion(), null));
    model.addAttribute("bom", bom);
    model.addAttribute("form", form);
    model.addAttribute("unsaved", unsaved);
    model.addAttribute("units", MaterialPages.UNITS);
    model.addAttribute("editable", bom.status() == ReleaseStatus.DRAFT && ProductPages.canWrite());
    model.addAttribute("history", boms.list(bom.material(), null, null, null, 100).items());
    return "product/bom";
  }

  private static List<ProductRequests.BomItem> items(BomForm form) {
    return form.getItems().stream()
        .map(
            i ->
                new ProductRequests.BomItem(
                    i.getPosition(),
                    i.getMaterial(),
                    i.getQuantity(),
                    i.getUnit(),
                    i.getScrapPercent()))
        .toList();
  }

  private static List<ProductCommands.BomLine> lines(List<ProductRequests.BomItem> items) {
    return items.stream()
        .map(
            i ->
                new ProductCommands.BomLine(
                    i.position(), i.material(), i.quantity(), i.unit(), i.scrapPercent()))
        .toList();
  }
}
