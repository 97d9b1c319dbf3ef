-- Production orders, their operations (the routing snapshot taken at release) and components (the
-- BOM snapshot). See dev.takt.orders. Materials, sites and work centers belong to other modules:
-- they are kept by number or code, without foreign keys.
CREATE TABLE orders_production_order (
    id                         UUID           NOT NULL PRIMARY KEY,
    order_number               VARCHAR(40)    NOT NULL,
    material_number            VARCHAR(40)    NOT NULL,
    quantity                   DECIMAL(18, 6) NOT NULL,
    unit                       VARCHAR(10)    NOT NULL,
    due_date                   TIMESTAMP WITH TIME ZONE NOT NULL,
    priority                   INT            NOT NULL,
    site_code                  VARCHAR(20)    NOT NULL,
    status                     VARCHAR(12)    NOT NULL,
    status_before_hold         VARCHAR(12),
    hold_reason                VARCHAR(500),
    cancel_reason              VARCHAR(500),
    requested_routing_version  INT,
    requested_bom_version      INT,
    routing_version            INT,
    bom_version                INT,
    released_at                TIMESTAMP WITH TIME ZONE,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT         NOT NULL,
    CONSTRAINT orders_production_order_number_unique UNIQUE (order_number)
);
CREATE INDEX orders_production_order_site_status ON orders_production_order (site_code, status);
CREATE INDEX orders_production_order_due ON orders_production_order (due_date, order_number);

CREATE TABLE orders_operation (
    id                UUID           NOT NULL PRIMARY KEY,
    order_id          UUID           NOT NULL REFERENCES orders_production_order (id),
    sequence_number   INT            NOT NULL,
    description       VARCHAR(200)   NOT NULL,
    work_center       VARCHAR(40)    NOT NULL,
    setup_seconds     BIGINT         NOT NULL,
    cycle_seconds     DECIMAL(18, 6) NOT NULL,
    qualification     VARCHAR(40),
    tool_type         VARCHAR(40),
    inspection_plan   VARCHAR(40),
    planned_quantity  DECIMAL(18, 6) NOT NULL,
    status            VARCHAR(12)    NOT NULL,
    good_quantity     DECIMAL(18, 6) NOT NULL,
    scrap_quantity    DECIMAL(18, 6) NOT NULL,
    rework_quantity   DECIMAL(18, 6) NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT orders_operation_sequence_unique UNIQUE (order_id, sequence_number)
);
CREATE INDEX orders_operation_work_center ON orders_operation (work_center);

CREATE TABLE orders_component (
    order_id           UUID           NOT NULL REFERENCES orders_production_order (id),
    item_position      INT            NOT NULL,
    material_number    VARCHAR(40)    NOT NULL,
    required_quantity  DECIMAL(18, 6) NOT NULL,
    unit               VARCHAR(10)    NOT NULL,
    tracking           VARCHAR(10)    NOT NULL,
    PRIMARY KEY (order_id, item_position)
);
