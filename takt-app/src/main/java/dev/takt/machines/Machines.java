package dev.takt.machines;

import java.util.List;
import java.util.Optional;

/** What other modules may ask of machine data. */
public interface Machines {

  /** The machine state of every mapped work unit of the site, in work-unit order. */
  List<MachineStatusView> states(String site);

  /** The machine state of one work unit, empty when it has no machine mapping. */
  Optional<MachineStatusView> state(String site, String workUnit);
}
