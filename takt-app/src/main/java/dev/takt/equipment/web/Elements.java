package dev.takt.equipment.web;

import dev.takt.equipment.AreaView;
import dev.takt.equipment.WorkCenterView;
import dev.takt.equipment.WorkUnitView;
import dev.takt.equipment.internal.ElementService;
import dev.takt.equipment.rest.EquipmentRequests;
import dev.takt.web.FormErrors;
import jakarta.validation.Validator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The three element services behind one face for the pages, which treat areas, work centers and
 * work units alike. Each write first checks the form by the API's request record for that level.
 */
@Component
public class Elements {

  /** One element as the pages show it; {@code parent} is null for an area. */
  record Element(
      Level level,
      UUID id,
      String siteCode,
      String parent,
      String code,
      String name,
      boolean active,
      long version) {}

  private static final int ALL = 1000;

  private final ElementService<AreaView> areas;
  private final ElementService<WorkCenterView> workCenters;
  private final ElementService<WorkUnitView> workUnits;
  private final Validator validator;

  Elements(
      ElementService<AreaView> areas,
      ElementService<WorkCenterView> workCenters,
      ElementService<WorkUnitView> workUnits,
      Validator validator) {
    this.areas = areas;
    this.workCenters = workCenters;
    this.workUnits = workUnits;
    this.validator = validator;
  }

  Element get(Level level, UUID id) {
    return switch (level) {
      case AREA -> of(areas.get(id));
      case WORK_CENTER -> of(workCenters.get(id));
      case WORK_UNIT -> of(workUnits.get(id));
    };
  }

  /** Codes of the active elements of the level above, at the site: where one may hang this. */
  List<String> parentChoices(Level level, String site) {
    ElementService.Filter active = new ElementService.Filter(site, null, null, true);
    return switch (level) {
      case AREA -> List.of();
      case WORK_CENTER ->
          areas.list(active, null, ALL).items().stream().map(AreaView::code).toList();
      case WORK_UNIT ->
          workCenters.list(active, null, ALL).items().stream().map(WorkCenterView::code).toList();
    };
  }

  /** Creates from the form; false (with errors on the form) when the rules say no. */
  boolean create(Level level, ElementForm f, BindingResult errors) {
    boolean valid =
        switch (level) {
          case AREA ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.CreateArea(f.getSite(), f.getCode(), f.getName()),
                  errors);
          case WORK_CENTER ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.CreateWorkCenter(
                      f.getSite(), f.getArea(), f.getCode(), f.getName()),
                  errors);
          case WORK_UNIT ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.CreateWorkUnit(
                      f.getSite(), f.getWorkCenter(), f.getCode(), f.getName()),
                  errors);
        };
    if (!valid) {
      return false;
    }
    return written(
        errors,
        () -> {
          switch (level) {
            case AREA -> areas.create(f.getSite(), null, f.getCode(), f.getName());
            case WORK_CENTER ->
                workCenters.create(f.getSite(), f.getArea(), f.getCode(), f.getName());
            case WORK_UNIT ->
                workUnits.create(f.getSite(), f.getWorkCenter(), f.getCode(), f.getName());
          }
        });
  }

  /** Renames and, when the form names another parent, moves; false with errors on the form. */
  boolean update(Level level, UUID id, ElementForm f, BindingResult errors) {
    boolean valid =
        switch (level) {
          case AREA ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.UpdateArea(f.getName(), null, f.getVersion()),
                  errors);
          case WORK_CENTER ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.UpdateWorkCenter(
                      f.getArea(), f.getName(), null, f.getVersion()),
                  errors);
          case WORK_UNIT ->
              FormErrors.validate(
                  validator,
                  new EquipmentRequests.UpdateWorkUnit(
                      f.getWorkCenter(), f.getName(), null, f.getVersion()),
                  errors);
        };
    if (!valid) {
      return false;
    }
    return written(
        errors,
        () -> {
          switch (level) {
            case AREA -> areas.update(id, null, f.getName(), null, f.getVersion());
            case WORK_CENTER ->
                workCenters.update(id, f.getArea(), f.getName(), null, f.getVersion());
            case WORK_UNIT ->
                workUnits.update(id, f.getWorkCenter(), f.getName(), null, f.getVersion());
          }
        });
  }

  void deactivate(Level level, UUID id) {
    switch (level) {
      case AREA -> areas.deactivate(id);
      case WORK_CENTER -> workCenters.deactivate(id);
      case WORK_UNIT -> workUnits.deactivate(id);
    }
  }

  void reactivate(Level level, UUID id) {
    Element e = get(level, id);
    switch (level) {
      case AREA -> areas.update(id, null, e.name(), true, e.version());
      case WORK_CENTER -> workCenters.update(id, e.parent(), e.name(), true, e.version());
      case WORK_UNIT -> workUnits.update(id, e.parent(), e.name(), true, e.version());
    }
  }

  /** Runs the write; a refusal about the input lands on the form instead of failing the page. */
  private static boolean written(BindingResult errors, Runnable write) {
    try {
      write.run();
      return true;
    } catch (RuntimeException e) {
      if (FormErrors.reject(errors, e)) {
        return false;
      }
      throw e;
    }
  }

  private static Element of(AreaView v) {
    return new Element(
        Level.AREA, v.id(), v.siteCode(), null, v.code(), v.name(), v.active(), v.version());
  }

  private static Element of(WorkCenterView v) {
    return new Element(
        Level.WORK_CENTER,
        v.id(),
        v.siteCode(),
        v.areaCode(),
        v.code(),
        v.name(),
        v.active(),
        v.version());
  }

  private static Element of(WorkUnitView v) {
    return new Element(
        Level.WORK_UNIT,
        v.id(),
        v.siteCode(),
        v.workCenterCode(),
        v.code(),
        v.name(),
        v.active(),
        v.version());
  }
}
