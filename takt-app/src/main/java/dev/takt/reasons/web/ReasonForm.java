package dev.takt.reasons.web;

import dev.takt.reasons.ReasonKind;
import dev.takt.reasons.ReasonView;

/**
 * The create and edit form of a reason. Field names are the JSON names of the reasons API. {@code
 * planned} and {@code lossCategory} are text because "inherit" (empty) is a choice of its own.
 */
public class ReasonForm {

  private ReasonKind kind = ReasonKind.DOWNTIME;
  private String code;
  private String name;
  private String description;
  private String parent;
  private boolean category;
  private String colour = "#607D8B";
  private Integer sortOrder = 0;
  private boolean active = true;
  private String planned = "";
  private String lossCategory = "";
  private Long version;

  static ReasonForm of(ReasonView r) {
    ReasonForm f = new ReasonForm();
    f.kind = r.kind();
    f.code = r.code();
    f.name = r.name();
    f.description = r.description();
    f.parent = r.parent();
    f.category = r.category();
    f.colour = r.colour();
    f.sortOrder = r.sortOrder();
    f.active = r.active();
    f.planned = r.planned() == null ? "" : r.planned().toString();
    f.lossCategory = r.lossCategory() == null ? "" : r.lossCategory().name();
    f.version = r.version();
    return f;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public ReasonKind getKind() {
    return kind;
  }

  public void setKind(ReasonKind kind) {
    this.kind = kind;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public boolean isCategory() {
    return category;
  }

  public void setCategory(boolean category) {
    this.category = category;
  }

  public String getColour() {
    return colour;
  }

  public void setColour(String colour) {
    this.colour = colour;
  }

  public Integer getSortOrder() {
    return sortOrder;
  }

  public void setSortOrder(Integer sortOrder) {
    this.sortOrder = sortOrder;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getPlanned() {
    return planned;
  }

  public void setPlanned(String planned) {
    this.planned = planned;
  }

  public String getLossCategory() {
    return lossCategory;
  }

  public void setLossCategory(String lossCategory) {
    this.lossCategory = lossCategory;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
