package dev.takt.execution.internal;

import dev.takt.orders.OperationView;

/** An operation that may start or continue now, with its progress so far. */
public record DispatchItem(OperationView operation, OperationProgress progress) {}
