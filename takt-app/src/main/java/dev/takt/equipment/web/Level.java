package dev.takt.equipment.web;

import dev.takt.shared.NotFoundException;

/**
 * A level of the plant below the site, as the pages name it in their paths. {@code parentField} is
 * the form field (and API field) that names the parent; areas hang directly under the site.
 */
public enum Level {
  AREA("areas", null),
  WORK_CENTER("work-centers", "area"),
  WORK_UNIT("work-units", "workCenter");

  private final String path;
  private final String parentField;

  Level(String path, String parentField) {
    this.path = path;
    this.parentField = parentField;
  }

  public String path() {
    return path;
  }

  public String parentField() {
    return parentField;
  }

  /** Message key stem of this level: {@code level.area}, {@code level.work-center}... */
  public String key() {
    return "plant.level." + path;
  }

  public Level child() {
    return this == WORK_UNIT ? null : values()[ordinal() + 1];
  }

  public Level parent() {
    return this == AREA ? null : values()[ordinal() - 1];
  }

  static Level ofPath(String path) {
    for (Level level : values()) {
      if (level.path.equals(path)) {
        return level;
      }
    }
    throw new NotFoundException("page", path);
  }
}
