package dev.takt.product;

import java.util.Optional;

/**
 * What other modules may ask about products. "Current" means the one RELEASED version: releasing a
 * new version makes the one before it OBSOLETE, so there is at most one.
 */
public interface Products {

  /** The material with this number, active or not. */
  Optional<MaterialView> material(String number);

  /** The released bill of materials of this material, if it has one. */
  Optional<BomView> currentBom(String material);

  /** The released routing of this material at this site, if it has one. */
  Optional<RoutingView> currentRouting(String material, String site);

  /** One version of the material's bill of materials, whatever its status. */
  Optional<BomView> bom(String material, int bomVersion);

  /** One version of the material's routing at this site, whatever its status. */
  Optional<RoutingView> routing(String material, String site, int routingVersion);
}
