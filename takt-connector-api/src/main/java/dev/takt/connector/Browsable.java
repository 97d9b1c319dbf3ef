package dev.takt.connector;

import java.util.List;

/**
 * A connector whose peer has an address space to browse (OPC UA), so an integrator can pick signals
 * instead of typing node ids.
 */
public interface Browsable {

  /**
   * The children of a node; {@code null} for the root (OPC UA: the Objects folder).
   *
   * @throws BadSignalException if the node id is malformed or unknown to the peer
   */
  List<BrowseEntry> browse(String node);

  /** One child: its address, name, whether it has children and, for a value, its data type. */
  record BrowseEntry(String address, String name, boolean hasChildren, String dataType) {}
}
