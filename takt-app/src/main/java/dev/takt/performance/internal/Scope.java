package dev.takt.performance.internal;

import dev.takt.shared.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a view covers: a whole site, an area, a work center or one work unit, written as {@code
 * site:DEMO}, {@code area:DEMO/MACH}, {@code workCenter:DEMO/TURN} or {@code workUnit:DEMO/CNC-01}
 * (codes are unique per site only, so each names its site).
 */
public record Scope(Level level, String site, String code) {

  /** The levels of the plant model a view may cover. */
  public enum Level {
    SITE("site"),
    AREA("area"),
    WORK_CENTER("workCenter"),
    WORK_UNIT("workUnit");

    final String prefix;

    Level(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,19}");
  private static final Pattern FORM = Pattern.compile("([A-Za-z]+):([^/]+)(?:/(.+))?");

  public static Scope parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "scope", "is required, e.g. site:DEMO, area:DEMO/MACH, workUnit:DEMO/CNC-01");
    }
    if (text.length() > 64) {
      throw new InvalidInputException("scope", "is longer than 64 characters");
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "scope", "must look like site:SITE or area|workCenter|workUnit:SITE/CODE");
    }
    Level level = null;
    for (Level l : Level.values()) {
      if (l.prefix.equals(m.group(1))) {
        level = l;
      }
    }
    if (level == null) {
      throw new InvalidInputException(
          "scope", "level '" + m.group(1) + "' is not one of site, area, workCenter, workUnit");
    }
    String site = m.group(2);
    String code = m.group(3);
    if (!CODE.matcher(site).matches() || (code != null && !CODE.matcher(code).matches())) {
      throw new InvalidInputException("scope", "codes are 1-20 letters, digits, '.', '_' or '-'");
    }
    if ((level == Level.SITE) != (code == null)) {
      throw new InvalidInputException(
          "scope",
          level == Level.SITE
              ? "a site scope is site:SITE, without a code after it"
              : level.prefix + " needs the site and the code: " + level.prefix + ":SITE/CODE");
    }
    return new Scope(level, site, code);
  }

  public static Scope site(String site) {
    return new Scope(Level.SITE, site, null);
  }

  public static Scope of(Level level, String site, String code) {
    return level == Level.SITE ? site(site) : new Scope(level, site, code);
  }

  @Override
  public String toString() {
    return level.prefix + ":" + site + (code == null ? "" : "/" + code);
  }
}
