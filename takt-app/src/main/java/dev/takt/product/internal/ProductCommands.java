package dev.takt.product.internal;

import dev.takt.product.MaterialType;
import dev.takt.product.Tracking;
import java.math.BigDecimal;
import java.util.List;

/** What the REST layer (or, later, the ERP integration) asks the product services to do. */
public final class ProductCommands {
  private ProductCommands() {}

  public record DefineMaterial(
      String number, String description, String unit, Tracking tracking, MaterialType type) {}

  public record ReviseMaterial(
      String description,
      String unit,
      Tracking tracking,
      MaterialType type,
      boolean active,
      long version) {}

  public record BomLine(
      int position, String material, BigDecimal quantity, String unit, BigDecimal scrapPercent) {}

  public record DraftBom(
      String material, BigDecimal baseQuantity, String unit, List<BomLine> items) {}

  public record ReviseBom(
      BigDecimal baseQuantity, String unit, List<BomLine> items, long version) {}

  public record OperationLine(
      int sequence,
      String description,
      String workCenter,
      long setupSeconds,
      BigDecimal cycleSeconds,
      String qualification,
      String toolType,
      String inspectionPlan) {}

  public record DraftRouting(String material, String site, List<OperationLine> operations) {}

  public record ReviseRouting(List<OperationLine> operations, long version) {}
}
