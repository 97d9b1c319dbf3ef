package dev.takt.connector.opcua;

import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Node ids as integrators write them: {@code ns=2;s=Mill1.Speed} (namespace index) or {@code
 * nsu=urn:vendor:plc;s=Mill1.Speed} (namespace URI, which survives a server that renumbers its
 * namespaces on restart).
 */
final class NodeIdText {

  private NodeIdText() {}

  /**
   * The node id, or empty when the text is malformed or names a namespace URI the server does not
   * have ({@code namespaces} may be null when the text has no URI).
   */
  static Optional<NodeId> parse(String text, NamespaceTable namespaces) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    try {
      if (trimmed.startsWith("nsu=")) {
        if (namespaces == null) {
          return Optional.empty();
        }
        return ExpandedNodeId.parse(trimmed).toNodeId(namespaces);
      }
      return NodeId.parseSafe(trimmed);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The text form that {@link #parse} reads back. */
  static String format(NodeId nodeId) {
    return nodeId.toParseableString();
  }
}
