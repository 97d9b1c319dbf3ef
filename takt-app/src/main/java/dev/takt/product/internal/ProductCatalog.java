package dev.takt.product.internal;

import dev.takt.product.BomView;
import dev.takt.product.MaterialView;
import dev.takt.product.Products;
import dev.takt.product.RoutingView;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link Products} facade: read-only lookups for other modules. */
@Service
class ProductCatalog implements Products {

  private final MaterialRepository materials;
  private final BomRepository boms;
  private final RoutingRepository routings;

  ProductCatalog(MaterialRepository materials, BomRepository boms, RoutingRepository routings) {
    this.materials = materials;
    this.boms = boms;
    this.routings = routings;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<MaterialView> material(String number) {
    return materials.byNumberKept(number).map(Material::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<BomView> currentBom(String material) {
    return boms.current(material).map(Bom::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RoutingView> currentRouting(String material, String site) {
    return routings.current(material, site).map(Routing::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<BomView> bom(String material, int bomVersion) {
    return boms.byVersion(material, bomVersion).map(Bom::view);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<RoutingView> routing(String material, String site, int routingVersion) {
    return routings.byVersion(material, site, routingVersion).map(Routing::view);
  }
}
