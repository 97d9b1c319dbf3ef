/**
 * Demo: decides whether to seed the demo plant, and asks every module to seed its part.
 *
 * <p>On the first start of an empty embedded database (or of any empty database with {@code
 * takt.demo.data=on}) it publishes {@link dev.takt.demo.DemoPlantRequested} inside one transaction.
 * Each module listens and creates its own demo data through its own services, so the demo plant
 * grows with every module and is audited like any other change. Nothing depends on this module but
 * those listeners.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo plant")
package dev.takt.demo;
