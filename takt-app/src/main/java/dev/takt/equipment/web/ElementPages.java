package dev.takt.equipment.web;

import dev.takt.equipment.internal.SiteService;
import dev.takt.shared.ConflictException;
import dev.takt.shared.NotFoundException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.Flash;
import dev.takt.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms for areas, work centers and work units: create under a parent, rename, move to another
 * parent of the same site, deactivate and reactivate. Only administrators and the ERP account reach
 * these, as on the API; the tree shows everyone else no buttons for them.
 */
@PageController
@RequiresRole({Role.ADMIN, Role.INTEGRATION})
class ElementPages {

  /** What the element form is for: a new element, a new name, or a new parent. */
  enum Mode {
    CREATE,
    EDIT,
    MOVE
  }

  private final Elements elements;
  private final SiteService sites;
  private final PageSupport page;

  ElementPages(Elements elements, SiteService sites, PageSupport page) {
    this.elements = elements;
    this.sites = sites;
    this.page = page;
  }

  @GetMapping("/plant/sites/{site}/{level}/new")
  String newElement(
      @PathVariable String site,
      @PathVariable String level,
      @RequestParam(required = false) String parent,
      Model model) {
    Level l = Level.ofPath(level);
    ElementForm form = new ElementForm();
    form.setSite(sites.get(site).code());
    setParent(l, form, parent);
    return form(model, l, Mode.CREATE, null, form);
  }

  @PostMapping("/plant/sites/{site}/{level}")
  String create(
      @PathVariable String site,
      @PathVariable String level,
      @ModelAttribute("elementForm") ElementForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Level l = Level.ofPath(level);
    form.setSite(sites.get(site).code());
    if (!elements.create(l, form, errors)) {
      return form(model, l, Mode.CREATE, null, form);
    }
    Flash.success(redirect, page.text("plant.element.created", levelName(l), form.getCode()));
    return "redirect:/plant?site=" + form.getSite();
  }

  @GetMapping("/plant/{level}/{id}/edit")
  String edit(@PathVariable String level, @PathVariable UUID id, Model model) {
    return existing(model, Level.ofPath(level), id, Mode.EDIT);
  }

  @GetMapping("/plant/{level}/{id}/move")
  String move(@PathVariable String level, @PathVariable UUID id, Model model) {
    Level l = Level.ofPath(level);
    if (l.parent() == null) {
      // Areas hang under their site, which never changes.
      throw new NotFoundException("page", "/plant/" + level + "/" + id + "/move");
    }
    return existing(model, l, id, Mode.MOVE);
  }

  @PostMapping("/plant/{level}/{id}")
  String update(
      @PathVariable String level,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "EDIT") Mode mode,
      @ModelAttribute("elementForm") ElementForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Level l = Level.ofPath(level);
    Elements.Element current = elements.get(l, id);
    form.setSite(current.siteCode());
    form.setCode(current.code());
    if (!elements.update(l, id, form, errors)) {
      return form(model, l, mode, current, form);
    }
    Flash.success(
        redirect,
        page.text(
            mode == Mode.MOVE ? "plant.element.moved" : "plant.element.saved",
            levelName(l),
            current.code()));
    return "redirect:/plant?site=" + current.siteCode();
  }

  @PostMapping("/plant/{level}/{id}/deactivate")
  String deactivate(
      @PathVariable String level, @PathVariable UUID id, RedirectAttributes redirect) {
    Level l = Level.ofPath(level);
    Elements.Element current = elements.get(l, id);
    try {
      elements.deactivate(l, id);
      Flash.success(redirect, page.text("plant.element.deactivated", levelName(l), current.code()));
    } catch (ConflictException e) {
      // "still has active children": a plain message on the tree, nothing changed.
      Flash.error(redirect, e.getMessage());
    }
    return "redirect:/plant?site=" + current.siteCode();
  }

  @PostMapping("/plant/{level}/{id}/reactivate")
  String reactivate(
      @PathVariable String level, @PathVariable UUID id, RedirectAttributes redirect) {
    Level l = Level.ofPath(level);
    Elements.Element current = elements.get(l, id);
    try {
      elements.reactivate(l, id);
      Flash.success(redirect, page.text("plant.element.reactivated", levelName(l), current.code()));
    } catch (ConflictException e) {
      Flash.error(redirect, e.getMessage());
    }
    return "redirect:/plant?inactive=true&site=" + current.siteCode();
  }

  private String existing(Model model, Level level, UUID id, Mode mode) {
    Elements.Element current = elements.get(level, id);
    ElementForm form = new ElementForm();
    form.setSite(current.siteCode());
    form.setCode(current.code());
    form.setName(current.name());
    form.setVersion(current.version());
    setParent(level, form, current.parent());
    return form(model, level, mode, current, form);
  }

  private String form(
      Model model, Level level, Mode mode, Elements.Element current, ElementForm form) {
    model.addAttribute("elementForm", form);
    model.addAttribute("level", level);
    model.addAttribute("mode", mode.name());
    model.addAttribute("current", current);
    model.addAttribute("parents", elements.parentChoices(level, form.getSite()));
    String heading =
        switch (mode) {
          case CREATE -> page.text("plant.new." + level.path());
          case EDIT -> page.text("plant.editTitle." + level.path(), form.getCode());
          case MOVE -> page.text("plant.moveTitle." + level.path(), form.getCode());
        };
    model.addAttribute("heading", heading);
    model.addAttribute("breadcrumbs", page.breadcrumbs(form.getSite(), heading, null));
    return "equipment/element-form";
  }

  private static void setParent(Level level, ElementForm form, String parent) {
    switch (level) {
      case AREA -> {}
      case WORK_CENTER -> form.setArea(parent);
      case WORK_UNIT -> form.setWorkCenter(parent);
    }
  }

  private String levelName(Level level) {
    return page.text(level.key());
  }
}
