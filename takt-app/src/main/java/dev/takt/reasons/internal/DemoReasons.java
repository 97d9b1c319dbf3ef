package dev.takt.reasons.internal;

import dev.takt.demo.DemoPlantRequested;
import dev.takt.reasons.LossCategory;
import dev.takt.reasons.ReasonKind;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo plant's reason catalogues: what a discrete-parts shop floor books most. */
@Component
class DemoReasons {

  private final ReasonService reasons;

  DemoReasons(ReasonService reasons) {
    this.reasons = reasons;
  }

  @EventListener
  @Order(DemoPlantRequested.Order.REASONS)
  void seed(DemoPlantRequested demo) {
    category(
        ReasonKind.DOWNTIME,
        "BREAKDOWN",
        "Breakdown",
        "#C62828",
        false,
        LossCategory.EQUIPMENT_FAILURE);
    reason(ReasonKind.DOWNTIME, "BRK-MECH", "Mechanical failure", "BREAKDOWN", "#E53935");
    reason(ReasonKind.DOWNTIME, "BRK-ELEC", "Electrical failure", "BREAKDOWN", "#EF5350");
    reason(ReasonKind.DOWNTIME, "BRK-HYD", "Hydraulics / pneumatics", "BREAKDOWN", "#E57373");
    category(
        ReasonKind.DOWNTIME,
        "SETUP",
        "Setup and adjustment",
        "#EF6C00",
        false,
        LossCategory.SETUP_AND_ADJUSTMENT);
    reason(ReasonKind.DOWNTIME, "SET-CHANGE", "Changeover", "SETUP", "#FB8C00");
    reason(ReasonKind.DOWNTIME, "SET-TOOL", "Tool change", "SETUP", "#FFA726");
    reason(ReasonKind.DOWNTIME, "SET-FAI", "First-article inspection", "SETUP", "#FFB74D");
    category(
        ReasonKind.DOWNTIME, "STOPS", "Short stops", "#F9A825", false, LossCategory.SMALL_STOP);
    reason(ReasonKind.DOWNTIME, "STP-JAM", "Part jammed", "STOPS", "#FDD835");
    reason(ReasonKind.DOWNTIME, "STP-SENSOR", "Sensor blocked", "STOPS", "#FFEE58");
    category(ReasonKind.DOWNTIME, "ORG", "Organisational", "#6A1B9A", false, LossCategory.OTHER);
    reason(ReasonKind.DOWNTIME, "ORG-NOMAT", "No material", "ORG", "#8E24AA");
    reason(ReasonKind.DOWNTIME, "ORG-NOOP", "No operator", "ORG", "#AB47BC");
    reason(ReasonKind.DOWNTIME, "ORG-QHOLD", "Waiting for quality release", "ORG", "#BA68C8");
    category(
        ReasonKind.DOWNTIME,
        "PLANNED",
        "Planned stops",
        "#455A64",
        true,
        LossCategory.PLANNED_STOP);
    reason(ReasonKind.DOWNTIME, "PLN-MAINT", "Planned maintenance", "PLANNED", "#607D8B");
    reason(ReasonKind.DOWNTIME, "PLN-MEET", "Shift meeting", "PLANNED", "#78909C");
    reason(ReasonKind.DOWNTIME, "PLN-CLEAN", "Cleaning", "PLANNED", "#90A4AE");

    reason(ReasonKind.SCRAP, "SCR-DIM", "Dimension out of tolerance", null, "#B71C1C");
    reason(ReasonKind.SCRAP, "SCR-SURF", "Surface defect", null, "#D32F2F");
    reason(ReasonKind.SCRAP, "SCR-MAT", "Material defect", null, "#E57373");
    reason(ReasonKind.SCRAP, "SCR-SETUP", "Setup part", null, "#F44336");

    reason(ReasonKind.REWORK, "RWK-DEBURR", "Deburr", null, "#1565C0");
    reason(ReasonKind.REWORK, "RWK-REMACH", "Re-machine", null, "#1E88E5");
    reason(ReasonKind.REWORK, "RWK-CLEAN", "Clean again", null, "#64B5F6");
  }

  private void category(
      ReasonKind kind,
      String code,
      String name,
      String colour,
      boolean planned,
      LossCategory loss) {
    reasons.create(
        kind, code, new ReasonDraft(name, null, null, true, colour, 0, true, planned, loss));
  }

  private void reason(ReasonKind kind, String code, String name, String parent, String colour) {
    reasons.create(
        kind, code, new ReasonDraft(name, null, parent, false, colour, 0, true, null, null));
  }
}
