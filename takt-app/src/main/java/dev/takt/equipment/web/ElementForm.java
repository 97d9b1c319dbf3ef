package dev.takt.equipment.web;

/**
 * The form of an area, work center or work unit; field names are those of the API's requests, so
 * the parent is {@code area} for a work center and {@code workCenter} for a work unit.
 */
public class ElementForm {
  private String site;
  private String area;
  private String workCenter;
  private String code;
  private String name;
  private Long version;

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area;
  }

  public String getWorkCenter() {
    return workCenter;
  }

  public void setWorkCenter(String workCenter) {
    this.workCenter = workCenter;
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

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
