-- Traceability: material lots and serial numbers, their status history, the genealogy links
-- between them, what each operation consumed and produced, and shipments. See dev.takt.traceability.

-- A lot (or, with serial = TRUE, one serialised unit) of a material. Lot numbers are unique per
-- material, not plant-wide: two suppliers may both deliver a lot "4711".
CREATE TABLE traceability_lot (
    id              UUID          NOT NULL PRIMARY KEY,
    site_code       VARCHAR(20)   NOT NULL,
    material        VARCHAR(40)   NOT NULL,
    lot_number      VARCHAR(60)   NOT NULL,
    serial          BOOLEAN       NOT NULL,
    origin          VARCHAR(12)   NOT NULL,
    quantity        NUMERIC(19, 6) NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    remaining       NUMERIC(19, 6) NOT NULL,
    supplier        VARCHAR(100),
    supplier_lot    VARCHAR(60),
    expiry          DATE,
    order_number    VARCHAR(40),
    status          VARCHAR(12)   NOT NULL,
    version         BIGINT        NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT traceability_lot_number_unique UNIQUE (material, lot_number),
    CONSTRAINT traceability_lot_status_check
        CHECK (status IN ('QUARANTINE', 'RELEASED', 'BLOCKED', 'CONSUMED')),
    CONSTRAINT traceability_lot_origin_check
        CHECK (origin IN ('RECEIVED', 'PRODUCED', 'SPLIT', 'MERGE', 'TRANSFER', 'REWORK'))
);
CREATE INDEX traceability_lot_lot_number ON traceability_lot (lot_number);
CREATE INDEX traceability_lot_site ON traceability_lot (site_code, created_at);

-- Every status change of a lot with its reason: the lot's history (the audit trail has it too).
CREATE TABLE traceability_lot_status_change (
    id              UUID          NOT NULL PRIMARY KEY,
    lot_id          UUID          NOT NULL REFERENCES traceability_lot (id),
    from_status     VARCHAR(12),
    to_status       VARCHAR(12)   NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    changed_by      VARCHAR(60)   NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX traceability_lot_status_change_lot ON traceability_lot_status_change (lot_id, changed_at);

-- One edge of the genealogy graph: material of the parent went into the child. source_id names
-- the record that caused it (an order input, a movement) so that it is written once.
CREATE TABLE traceability_link (
    id              UUID          NOT NULL PRIMARY KEY,
    parent_id       UUID          NOT NULL REFERENCES traceability_lot (id),
    child_id        UUID          NOT NULL REFERENCES traceability_lot (id),
    kind            VARCHAR(12)   NOT NULL,
    quantity        NUMERIC(19, 6) NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    order_number    VARCHAR(40),
    operation_id    UUID,
    operation_seq   INT,
    work_unit       VARCHAR(20),
    operator        VARCHAR(60),
    linked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    source_id       UUID,
    CONSTRAINT traceability_link_kind_check
        CHECK (kind IN ('CONSUMPTION', 'SPLIT', 'MERGE', 'REWORK', 'TRANSFER'))
);
-- The trace walks down by parent and up by child; each index covers the other end too.
CREATE INDEX traceability_link_down ON traceability_link (parent_id, child_id);
CREATE INDEX traceability_link_up ON traceability_link (child_id, parent_id);
CREATE UNIQUE INDEX traceability_link_source ON traceability_link (source_id, child_id);

-- What an operation consumed (from execution's MaterialConsumed), waiting to be linked to each
-- output of the operation, also those reported later.
CREATE TABLE traceability_order_input (
    id              UUID          NOT NULL PRIMARY KEY,
    operation_id    UUID          NOT NULL,
    order_number    VARCHAR(40)   NOT NULL,
    operation_seq   INT,
    lot_id          UUID          NOT NULL REFERENCES traceability_lot (id),
    quantity        NUMERIC(19, 6) NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    work_unit       VARCHAR(20),
    operator        VARCHAR(60),
    consumed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX traceability_order_input_operation ON traceability_order_input (operation_id);

-- The lots and serials an operation produced (from execution's QuantityReported).
CREATE TABLE traceability_operation_output (
    operation_id    UUID          NOT NULL,
    lot_id          UUID          NOT NULL REFERENCES traceability_lot (id),
    PRIMARY KEY (operation_id, lot_id)
);

-- A lot (or serial) shipped to a customer.
CREATE TABLE traceability_shipment (
    id              UUID          NOT NULL PRIMARY KEY,
    lot_id          UUID          NOT NULL REFERENCES traceability_lot (id),
    customer        VARCHAR(100)  NOT NULL,
    delivery        VARCHAR(60),
    quantity        NUMERIC(19, 6) NOT NULL,
    unit            VARCHAR(10)   NOT NULL,
    shipped_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    shipped_by      VARCHAR(60)   NOT NULL
);
CREATE INDEX traceability_shipment_lot ON traceability_shipment (lot_id);
