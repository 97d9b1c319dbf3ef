/**
 * Product definition (ISA-95 "product definition management"): materials with their base unit and
 * tracking, bills of materials and routings, each in numbered versions that go DRAFT → RELEASED →
 * OBSOLETE.
 *
 * <p>Other modules read through {@link dev.takt.product.Products}. Work centers and sites are
 * checked through {@link dev.takt.equipment.Equipment}; every change is audited through compliance.
 * Publishes no events yet; listens to none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Product")
package dev.takt.product;
