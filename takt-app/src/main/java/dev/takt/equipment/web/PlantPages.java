package dev.takt.equipment.web;

import dev.takt.equipment.SiteView;
import dev.takt.equipment.internal.SiteService;
import dev.takt.equipment.rest.EquipmentRequests;
import dev.takt.shared.ConflictException;
import dev.takt.shared.InvalidInputException;
import dev.takt.shared.RequiresRole;
import dev.takt.shared.Role;
import dev.takt.web.CurrentSite;
import dev.takt.web.Flash;
import dev.takt.web.FormErrors;
import dev.takt.web.PageController;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.time.ZoneId;
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
 * The plant overview: one site's equipment tree, the sites the caller may see, and the site forms.
 * Everyone in the office reads; administrators and the ERP account write, as on the API.
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
class PlantPages {

  private static final int ALL = 500;

  /** Region ids of the tz database, sorted, for the time zone field's suggestions. */
  static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

  private final SiteService sites;
  private final CurrentSite currentSite;
  private final PageSupport page;
  private final Validator validator;

  PlantPages(SiteService sites, CurrentSite currentSite, PageSupport page, Validator validator) {
    this.sites = sites;
    this.currentSite = currentSite;
    this.page = page;
    this.validator = validator;
  }

  /** The tree of {@code site}, else of the site chosen in the switcher, else of the first one. */
  @GetMapping("/plant")
  String plant(
      @RequestParam(required = false) String site,
      @RequestParam(defaultValue = "false") boolean inactive,
      HttpSession session,
      Model model) {
    List<SiteView> visible = sites.list(null, null, null, ALL).items();
    String shown = site;
    if (shown == null) {
      shown =
          currentSite
              .get(session)
              .filter(c -> visible.stream().anyMatch(s -> s.code().equals(c)))
              .orElse(visible.isEmpty() ? null : visible.getFirst().code());
    }
    if (shown != null) {
      page.showing(shown, session, model);
    }
    model.addAttribute("sites", visible);
    model.addAttribute("tree", shown == null ? null : sites.tree(shown, !inactive));
    model.addAttribute("showInactive", inactive);
    model.addAttribute("canWrite", page.mayWrite());
    model.addAttribute("breadcrumbs", page.breadcrumbs(null));
    return "equipment/plant";
  }

  @GetMapping("/plant/sites/new")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String newSite(Model model) {
    return siteForm(model, new SiteForm(), true);
  }

  @PostMapping("/plant/sites")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String open(
      @ModelAttribute("siteForm") SiteForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    var request =
        new EquipmentRequests.CreateSite(form.getCode(), form.getName(), form.getTimeZone());
    if (!FormErrors.validate(validator, request, errors)) {
      return siteForm(model, form, true);
    }
    try {
      sites.open(request.code(), request.name(), request.timeZone());
    } catch (InvalidInputException | ConflictException e) {
      FormErrors.reject(errors, e);
      return siteForm(model, form, true);
    }
    Flash.success(redirect, page.text("plant.site.opened", request.code()));
    return "redirect:/plant?site=" + request.code();
  }

  @GetMapping("/plant/sites/{code}/edit")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String editSite(@PathVariable String code, Model model) {
    SiteView site = sites.get(code);
    SiteForm form = new SiteForm();
    form.setCode(site.code());
    form.setName(site.name());
    form.setTimeZone(site.timeZone());
    form.setVersion(site.version());
    return siteForm(model, form, false);
  }

  @PostMapping("/plant/sites/{code}")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String changeSite(
      @PathVariable String code,
      @ModelAttribute("siteForm") SiteForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    SiteView site = sites.get(code);
    form.setCode(site.code());
    var request =
        new EquipmentRequests.UpdateSite(
            form.getName(), form.getTimeZone(), null, form.getVersion());
    if (!FormErrors.validate(validator, request, errors)) {
      return siteForm(model, form, false);
    }
    try {
      sites.update(site.code(), request.name(), request.timeZone(), null, request.version());
    } catch (InvalidInputException | ConflictException e) {
      FormErrors.reject(errors, e);
      return siteForm(model, form, false);
    }
    Flash.success(redirect, page.text("plant.site.saved", site.code()));
    return "redirect:/plant?site=" + site.code();
  }

  @PostMapping("/plant/sites/{code}/deactivate")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String deactivateSite(@PathVariable String code, RedirectAttributes redirect) {
    SiteView site = sites.get(code);
    try {
      sites.deactivate(site.code());
      Flash.success(redirect, page.text("plant.site.deactivated", site.code()));
    } catch (ConflictException e) {
      Flash.error(redirect, e.getMessage());
    }
    return "redirect:/plant?inactive=true&site=" + site.code();
  }

  @PostMapping("/plant/sites/{code}/reactivate")
  @RequiresRole({Role.ADMIN, Role.INTEGRATION})
  String reactivateSite(@PathVariable String code, RedirectAttributes redirect) {
    SiteView site = sites.get(code);
    try {
      sites.update(site.code(), site.name(), site.timeZone(), true, site.version());
      Flash.success(redirect, page.text("plant.site.reactivated", site.code()));
    } catch (ConflictException e) {
      Flash.error(redirect, e.getMessage());
    }
    return "redirect:/plant?site=" + site.code();
  }

  private String siteForm(Model model, SiteForm form, boolean creating) {
    model.addAttribute("siteForm", form);
    model.addAttribute("creating", creating);
    model.addAttribute("zones", ZONES);
    model.addAttribute(
        "breadcrumbs",
        creating
            ? page.breadcrumbs(null, page.text("plant.site.new"), null)
            : page.breadcrumbs(form.getCode(), page.text("plant.site.edit"), null));
    return "equipment/site-form";
  }
}
