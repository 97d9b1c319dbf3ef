package dev.takt.product.web;

import dev.takt.product.MaterialType;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;
import dev.takt.product.internal.MaterialService;
import dev.takt.product.internal.ProductCommands;
import dev.takt.product.rest.ProductRequests;
import dev.takt.shared.CursorPage;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.shared.StaleVersionException;
import dev.takt.shared.UnitOfMeasure;
import dev.takt.web.Breadcrumb;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The materials pages: a searchable list, the form that defines a material and the one that revises
 * it. A material number may contain '/', so the edit pages take the rest of the path.
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
class MaterialPages {

  /** The unit codes a material may have, pieces first, as the select offers them. */
  static final List<String> UNITS =
      List.of("pcs", "kg", "g", "mg", "t", "m", "cm", "mm", "m2", "m3", "L", "mL", "h", "min", "s")
          .stream()
          .filter(UnitOfMeasure::isKnown)
          .toList();

  private final MaterialService materials;
  private final Validator validator;
  private final ProductPages pages;

  MaterialPages(MaterialService materials, Validator validator, ProductPages pages) {
    this.materials = materials;
    this.validator = validator;
    this.pages = pages;
  }

  @GetMapping("/products/materials")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) MaterialType type,
      @RequestParam(required = false) Tracking tracking,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) String after,
      Model model) {
    String search = q == null || q.isBlank() ? null : q.strip();
    if (search != null && search.length() > 100) {
      search = search.substring(0, 100);
    }
    CursorPage<MaterialView> page =
        materials.list(after, search, type, tracking, active, ProductPages.PAGE_SIZE);
    pages.frame(model, "materials", new Breadcrumb(pages.text("materials.title"), null));
    model.addAttribute("page", page);
    model.addAttribute("q", search);
    model.addAttribute("type", type);
    model.addAttribute("tracking", tracking);
    model.addAttribute("active", active);
    model.addAttribute("types", MaterialType.values());
    model.addAttribute("trackings", Tracking.values());
    model.addAttribute(
        "baseQuery",
        ProductPages.query(
            "q", search,
            "type", type == null ? null : type.name(),
            "tracking", tracking == null ? null : tracking.name(),
            "active", active == null ? null : active.toString()));
    return "product/materials";
  }

  @GetMapping("/products/materials/new")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String newForm(Model model) {
    return form(model, new MaterialForm(), true);
  }

  @PostMapping("/products/materials")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String create(
      @ModelAttribute("form") MaterialForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    var request =
        new ProductRequests.CreateMaterial(
            form.getNumber(),
            form.getDescription(),
            form.getUnit(),
            form.getTracking(),
            form.getType());
    if (!errors.hasErrors() && FormErrors.validate(validator, request, errors)) {
      try {
        MaterialView created =
            materials.create(
                new ProductCommands.DefineMaterial(
                    request.number(),
                    request.description(),
                    request.unit(),
                    request.tracking(),
                    request.type()));
        Flash.success(redirect, pages.text("materials.created", created.number()));
        return "redirect:/products/materials?q=" + encode(created.number());
      } catch (RuntimeException refused) {
        if (!FormErrors.reject(errors, refused)) {
          throw refused;
        }
      }
    }
    return form(model, form, true);
  }

  @GetMapping("/products/materials/edit/{*number}")
  String editForm(@PathVariable String number, Model model) {
    return form(model, MaterialForm.of(materials.get(strip(number))), false);
  }

  @PostMapping("/products/materials/edit/{*number}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String update(
      @PathVariable String number,
      @ModelAttribute("form") MaterialForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    form.setNumber(strip(number));
    var request =
        new ProductRequests.UpdateMaterial(
            form.getDescription(),
            form.getUnit(),
            form.getTracking(),
            form.getType(),
            form.isActive(),
            form.getVersion());
    if (!errors.hasErrors() && FormErrors.validate(validator, request, errors)) {
      try {
        materials.update(
            form.getNumber(),
            new ProductCommands.ReviseMaterial(
                request.description(),
                request.unit(),
                request.tracking(),
                request.type(),
                request.active(),
                request.version()));
        Flash.success(redirect, pages.text("materials.saved", form.getNumber()));
        return "redirect:/products/materials?q=" + encode(form.getNumber());
      } catch (StaleVersionException stale) {
        errors.reject("stale", pages.text("products.stale"));
      } catch (RuntimeException refused) {
        if (!FormErrors.reject(errors, refused)) {
          throw refused;
        }
      }
    }
    return form(model, form, false);
  }

  @PostMapping("/products/materials/deactivate/{*number}")
  @RequiresRole({Role.ADMIN, Role.PLANNER, Role.INTEGRATION})
  String deactivate(@PathVariable String number, RedirectAttributes redirect) {
    String n = strip(number);
    materials.deactivate(n);
    Flash.success(redirect, pages.text("materials.deactivated", n));
    return "redirect:/products/materials/edit/" + encodePath(n);
  }

  private String form(Model model, MaterialForm form, boolean creating) {
    Breadcrumb list = new Breadcrumb(pages.text("materials.title"), "/products/materials");
    pages.frame(
        model,
        "materials",
        list,
        new Breadcrumb(creating ? pages.text("materials.new") : form.getNumber(), null));
    model.addAttribute("form", form);
    model.addAttribute("creating", creating);
    model.addAttribute("units", UNITS);
    model.addAttribute("types", MaterialType.values());
    model.addAttribute("trackings", Tracking.values());
    return "product/material-form";
  }

  private static String strip(String captured) {
    return captured.startsWith("/") ? captured.substring(1) : captured;
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Encodes each path segment of a material number, keeping its '/' separators. */
  static String encodePath(String number) {
    return java.util.Arrays.stream(number.split("/", -1))
        .map(s -> org.springframework.web.util.UriUtils.encodePathSegment(s, "UTF-8"))
        .collect(java.util.stream.Collectors.joining("/"));
  }
}
