package dev.takt.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Published once, inside one transaction, when the demo plant is to be seeded. Listeners run in the
 * order of {@link Order}: the plant model first, then what refers to it.
 *
 * <p>Listeners add lines to {@link #credentials()} for people who need to log in (user names, badge
 * numbers and PINs); the seeder prints them once in the log.
 */
public record DemoPlantRequested(String siteCode, List<String> credentials) {

  public DemoPlantRequested(String siteCode) {
    this(siteCode, Collections.synchronizedList(new ArrayList<>()));
  }

  /** The order in which modules seed; use as {@code @Order(DemoPlantRequested.Order.X)}. */
  public static final class Order {
    public static final int EQUIPMENT = 100;
    public static final int REASONS = 200;
    public static final int PRODUCT = 300;
    public static final int IDENTITY = 400;
    public static final int LATER_MODULES = 1000;

    private Order() {}
  }
}
