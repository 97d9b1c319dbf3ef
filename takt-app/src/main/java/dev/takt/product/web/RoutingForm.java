package dev.takt.product.web;

import dev.takt.product.RoutingView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The routing editor; field names are those of the API's routing requests. */
public class RoutingForm {
  private String material;
  private String site;
  private List<Operation> operations = new ArrayList<>();
  private Long version;

  static RoutingForm of(RoutingView routing) {
    RoutingForm f = new RoutingForm();
    f.material = routing.material();
    f.site = routing.site();
    f.version = routing.version();
    for (RoutingView.OperationView o : routing.operations()) {
      Operation op = new Operation();
      op.sequence = o.sequence();
      op.description = o.description();
      op.workCenter = o.workCenter();
      op.setupSeconds = o.setupSeconds();
      op.cycleSeconds = o.cycleSeconds();
      op.qualification = o.qualification();
      op.toolType = o.toolType();
      op.inspectionPlan = o.inspectionPlan();
      f.operations.add(op);
    }
    return f;
  }

  /** Adds an empty operation at the next free sequence number (10, 20, 30…). */
  void addOperation() {
    int last =
        operations.stream().map(Operation::getSequence).filter(s -> s != null).reduce(0, Math::max);
    Operation op = new Operation();
    op.sequence = (last / 10 + 1) * 10;
    op.setupSeconds = 0L;
    operations.add(op);
  }

  void removeOperation(int index) {
    if (index >= 0 && index < operations.size()) {
      operations.remove(index);
    }
  }

  /**
   * Moves the operation at {@code index} one place earlier ({@code by = -1}) or later ({@code by =
   * 1}). The two operations swap places and sequence numbers, so the numbering keeps its gaps and
   * the list stays in sequence order.
   */
  void move(int index, int by) {
    int other = index + by;
    if (index < 0 || other < 0 || index >= operations.size() || other >= operations.size()) {
      return;
    }
    Operation a = operations.get(index);
    Operation b = operations.get(other);
    Integer sequence = a.sequence;
    a.sequence = b.sequence;
    b.sequence = sequence;
    Collections.swap(operations, index, other);
  }

  public String getMaterial() {
    return material;
  }

  public void setMaterial(String material) {
    this.material = material;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public List<Operation> getOperations() {
    return operations;
  }

  public void setOperations(List<Operation> operations) {
    this.operations = operations;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /** One operation of the editor. */
  public static class Operation {
    private Integer sequence;
    private String description;
    private String workCenter;
    private Long setupSeconds;
    private BigDecimal cycleSeconds;
    private String qualification;
    private String toolType;
    private String inspectionPlan;

    public Integer getSequence() {
      return sequence;
    }

    public void setSequence(Integer sequence) {
      this.sequence = sequence;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getWorkCenter() {
      return workCenter;
    }

    public void setWorkCenter(String workCenter) {
      this.workCenter = workCenter;
    }

    public Long getSetupSeconds() {
      return setupSeconds;
    }

    public void setSetupSeconds(Long setupSeconds) {
      this.setupSeconds = setupSeconds;
    }

    public BigDecimal getCycleSeconds() {
      return cycleSeconds;
    }

    public void setCycleSeconds(BigDecimal cycleSeconds) {
      this.cycleSeconds = cycleSeconds;
    }

    public String getQualification() {
      return qualification;
    }

    public void setQualification(String qualification) {
      this.qualification = qualification;
    }

    public String getToolType() {
      return toolType;
    }

    public void setToolType(String toolType) {
      this.toolType = toolType;
    }

    public String getInspectionPlan() {
      return inspectionPlan;
    }

    public void setInspectionPlan(String inspectionPlan) {
      this.inspectionPlan = inspectionPlan;
    }
  }
}
