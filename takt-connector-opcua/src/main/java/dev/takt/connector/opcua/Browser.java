package dev.takt.connector.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.takt.connector.BadSignalException;
import dev.takt.connector.Browsable.BrowseEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;

/**
 * Browses one level of a server's address space for an integrator picking signals: the objects and
 * variables below a node, whether each has children of its own, and each variable's data type.
 */
final class Browser {

  private static final int NODE_CLASSES =
      NodeClass.Object.getValue() | NodeClass.Variable.getValue() | NodeClass.View.getValue();
  private static final int MAX_CHILDREN = 10_000;

  private final OpcUaClient client;

  Browser(OpcUaClient client) {
    this.client = client;
  }

  List<BrowseEntry> browse(String node) {
    try {
      NamespaceTable namespaces = client.getNamespaceTable();
      NodeId parent =
          node == null
              ? NodeIds.ObjectsFolder
              : NodeIdText.parse(node, namespaces)
                  .orElseThrow(() -> new BadSignalException("malformed node id: " + cut(node)));
      List<ReferenceDescription> children = children(parent);
      List<NodeId> ids = new ArrayList<>();
      for (ReferenceDescription child : children) {
        ids.add(child.getNodeId().toNodeId(namespaces).orElse(NodeId.NULL_VALUE));
      }
      List<Boolean> hasChildren = hasChildren(ids);
      Map<NodeId, String> dataTypes = dataTypes(children, ids);
      List<BrowseEntry> entries = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        ReferenceDescription child = children.get(i);
        NodeId id = ids.get(i);
        if (id.isNull()) {
          continue; // a reference to another server
        }
        entries.add(
            new BrowseEntry(
                NodeIdText.format(id), name(child), hasChildren.get(i), dataTypes.get(id)));
      }
      return entries;
    } catch (UaException e) {
      throw new IllegalStateException("browse of " + cut(node) + " failed: " + e.getMessage(), e);
    }
  }

  private List<ReferenceDescription> children(NodeId parent) throws UaException {
    BrowseResult result = client.browse(description(parent));
    StatusCode status = result.getStatusCode();
    if (status.getValue() == StatusCodes.Bad_NodeIdUnknown
        || status.getValue() == StatusCodes.Bad_NodeIdInvalid) {
      throw new BadSignalException("unknown node: " + NodeIdText.format(parent));
    }
    if (status.isBad()) {
      throw new UaException(status, "browse of " + NodeIdText.format(parent) + ": " + status);
    }
    List<ReferenceDescription> all = new ArrayList<>();
    addAll(all, result.getReferences());
    ByteString continuation = result.getContinuationPoint();
    while (continuation != null && continuation.isNotNull() && all.size() < MAX_CHILDREN) {
      var next = client.browseNext(false, List.of(continuation)).getResults()[0];
      addAll(all, next.getReferences());
      continuation = next.getContinuationPoint();
    }
    if (continuation != null && continuation.isNotNull()) {
      client.browseNext(true, List.of(continuation));
    }
    return all;
  }

  private static void addAll(List<ReferenceDescription> all, ReferenceDescription[] refs) {
    if (refs != null) {
      all.addAll(List.of(refs));
    }
  }

  /** One browse call for all children at once, asking for at most one reference each. */
  private List<Boolean> hasChildren(List<NodeId> ids) throws UaException {
    List<Boolean> result = new ArrayList<>();
    if (ids.isEmpty()) {
      return result;
    }
    List<BrowseDescription> descriptions = new ArrayList<>();
    for (NodeId id : ids) {
      descriptions.add(description(id.isNull() ? NodeIds.ObjectsFolder : id));
    }
    var response =
        client.browse(new ViewDescription(NodeId.NULL_VALUE, null, uint(0)), uint(1), descriptions);
    List<ByteString> open = new ArrayList<>();
    for (BrowseResult r : response.getResults()) {
      result.add(r.getReferences() != null && r.getReferences().length > 0);
      if (r.getContinuationPoint() != null && r.getContinuationPoint().isNotNull()) {
        open.add(r.getContinuationPoint());
      }
    }
    if (!open.isEmpty()) {
      client.browseNext(true, open);
    }
    return result;
  }

  /** The data type name of each variable child: built-in names, else the type's browse name. */
  private Map<NodeId, String> dataTypes(List<ReferenceDescription> children, List<NodeId> ids)
      throws UaException {
    Map<NodeId, String> names = new HashMap<>();
    List<NodeId> variables = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).getNodeClass() == NodeClass.Variable && !ids.get(i).isNull()) {
        variables.add(ids.get(i));
      }
    }
    if (variables.isEmpty()) {
      return names;
    }
    List<DataValue> types = read(variables, AttributeId.DataType);
    Map<NodeId, NodeId> typeOf = new HashMap<>();
    LinkedHashSet<NodeId> unknownTypes = new LinkedHashSet<>();
    for (int i = 0; i < variables.size(); i++) {
      Object v = types.get(i).getValue().getValue();
      if (v instanceof NodeId type) {
        typeOf.put(variables.get(i), type);
        if (!OpcUaDataType.isBuiltin(type)) {
          unknownTypes.add(type);
        }
      }
    }
    Map<NodeId, String> typeNames = new HashMap<>();
    if (!unknownTypes.isEmpty()) {
      List<NodeId> list = List.copyOf(unknownTypes);
      List<DataValue> browseNames = read(list, AttributeId.BrowseName);
      for (int i = 0; i < list.size(); i++) {
        Object v = browseNames.get(i).getValue().getValue();
        typeNames.put(
            list.get(i),
            v instanceof QualifiedName q ? q.getName() : NodeIdText.format(list.get(i)));
      }
    }
    typeOf.forEach(
        (variable, type) ->
            names.put(
                variable,
                OpcUaDataType.isBuiltin(type)
                    ? OpcUaDataType.fromNodeId(type).name()
                    : typeNames.get(type)));
    return names;
  }

  private List<DataValue> read(List<NodeId> ids, AttributeId attribute) throws UaException {
    List<ReadValueId> reads = new ArrayList<>();
    for (NodeId id : ids) {
      reads.add(new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE));
    }
    return List.of(client.read(0.0, TimestampsToReturn.Neither, reads).getResults());
  }

  private static BrowseDescription description(NodeId node) {
    return new BrowseDescription(
        node,
        BrowseDirection.Forward,
        NodeIds.HierarchicalReferences,
        true,
        uint(NODE_CLASSES),
        uint(BrowseResultMask.All.getValue()));
  }

  private static String name(ReferenceDescription ref) {
    LocalizedText display = ref.getDisplayName();
    if (display != null && display.getText() != null && !display.getText().isBlank()) {
      return display.getText();
    }
    return ref.getBrowseName() != null ? ref.getBrowseName().getName() : "";
  }

  private static String cut(String text) {
    if (text == null) {
      return "the Objects folder";
    }
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }
}
