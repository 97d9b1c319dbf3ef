package dev.takt.reasons;

import java.util.List;

/** A reason with its children, sorted by sort order, then code. Leaves have no children. */
public record ReasonNode(ReasonView reason, List<ReasonNode> children) {}
