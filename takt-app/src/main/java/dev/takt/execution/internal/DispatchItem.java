package dev.takt.execution.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.takt.orders.OperationView;

/**
 * An operation that may start or continue now, with its progress so far. A terminal fetches the
 * list every few seconds, so the progress leaves out what the operation already says (its id,
 * order, sequence, site and work center).
 */
public record DispatchItem(
    OperationView operation,
    @JsonIgnoreProperties({"operationId", "orderNumber", "sequence", "site", "workCenter"})
        OperationProgress progress) {}
