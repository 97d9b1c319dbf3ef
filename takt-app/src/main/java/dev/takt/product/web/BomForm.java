package dev.takt.product.web;

import dev.takt.product.BomView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The BOM editor; field names are those of the API's BOM requests. */
public class BomForm {
  private String material;
  private BigDecimal baseQuantity = BigDecimal.ONE;
  private String unit = "pcs";
  private List<Item> items = new ArrayList<>();
  private Long version;

  static BomForm of(BomView bom) {
    BomForm f = new BomForm();
    f.material = bom.material();
    f.baseQuantity = bom.baseQuantity().value();
    f.unit = bom.baseQuantity().unit().code();
    f.version = bom.version();
    for (BomView.BomItemView i : bom.items()) {
      Item item = new Item();
      item.position = i.position();
      item.material = i.material();
      item.quantity = i.quantity().value();
      item.unit = i.quantity().unit().code();
      item.scrapPercent = i.scrapPercent();
      f.items.add(item);
    }
    return f;
  }

  /** Adds an empty line at the next free position (10, 20, 30…). */
  void addItem() {
    int last = items.stream().map(Item::getPosition).filter(p -> p != null).reduce(0, Math::max);
    Item item = new Item();
    item.position = (last / 10 + 1) * 10;
    items.add(item);
  }

  void removeItem(int index) {
    if (index >= 0 && index < items.size()) {
      items.remove(index);
    }
  }

  public String getMaterial() {
    return material;
  }

  public void setMaterial(String material) {
    this.material = material;
  }

  public BigDecimal getBaseQuantity() {
    return baseQuantity;
  }

  public void setBaseQuantity(BigDecimal baseQuantity) {
    this.baseQuantity = baseQuantity;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public List<Item> getItems() {
    return items;
  }

  public void setItems(List<Item> items) {
    this.items = items;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /** One line of the editor. */
  public static class Item {
    private Integer position;
    private String material;
    private BigDecimal quantity;
    private String unit = "pcs";
    private BigDecimal scrapPercent;

    public Integer getPosition() {
      return position;
    }

    public void setPosition(Integer position) {
      this.position = position;
    }

    public String getMaterial() {
      return material;
    }

    public void setMaterial(String material) {
      this.material = material;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public String getUnit() {
      return unit;
    }

    public void setUnit(String unit) {
      this.unit = unit;
    }

    public BigDecimal getScrapPercent() {
      return scrapPercent;
    }

    public void setScrapPercent(BigDecimal scrapPercent) {
      this.scrapPercent = scrapPercent;
    }
  }
}
