package dev.takt.product.web;

import dev.takt.product.MaterialType;
import dev.takt.product.MaterialView;
import dev.takt.product.Tracking;

/** The material form; field names are those of the API's material requests. */
public class MaterialForm {
  private String number;
  private String description;
  private String unit = "pcs";
  private Tracking tracking = Tracking.NONE;
  private MaterialType type = MaterialType.RAW;
  private boolean active = true;
  private Long version;

  static MaterialForm of(MaterialView m) {
    MaterialForm f = new MaterialForm();
    f.number = m.number();
    f.description = m.description();
    f.unit = m.unit().code();
    f.tracking = m.tracking();
    f.type = m.type();
    f.active = m.active();
    f.version = m.version();
    return f;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public Tracking getTracking() {
    return tracking;
  }

  public void setTracking(Tracking tracking) {
    this.tracking = tracking;
  }

  public MaterialType getType() {
    return type;
  }

  public void setType(MaterialType type) {
    this.type = type;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
