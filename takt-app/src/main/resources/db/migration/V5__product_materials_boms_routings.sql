-- Materials, bills of materials and routings. See dev.takt.product.
-- Work centers and sites belong to equipment: they are kept by code, without foreign keys.
CREATE TABLE product_material (
    id               UUID          NOT NULL PRIMARY KEY,
    material_number  VARCHAR(40)   NOT NULL,
    description      VARCHAR(200)  NOT NULL,
    unit             VARCHAR(10)   NOT NULL,
    tracking         VARCHAR(10)   NOT NULL,
    material_type    VARCHAR(20)   NOT NULL,
    active           BOOLEAN       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT product_material_number_unique UNIQUE (material_number)
);

CREATE TABLE product_bom (
    id               UUID           NOT NULL PRIMARY KEY,
    material_number  VARCHAR(40)    NOT NULL,
    bom_version      INT            NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    base_quantity    DECIMAL(18, 6) NOT NULL,
    unit             VARCHAR(10)    NOT NULL,
    released_at      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT product_bom_material_version_unique UNIQUE (material_number, bom_version)
);
CREATE INDEX product_bom_status ON product_bom (material_number, status);

CREATE TABLE product_bom_item (
    bom_id            UUID           NOT NULL REFERENCES product_bom (id),
    item_position     INT            NOT NULL,
    component_number  VARCHAR(40)    NOT NULL,
    quantity          DECIMAL(18, 6) NOT NULL,
    unit              VARCHAR(10)    NOT NULL,
    scrap_percent     DECIMAL(5, 2),
    PRIMARY KEY (bom_id, item_position)
);
CREATE INDEX product_bom_item_component ON product_bom_item (component_number);

CREATE TABLE product_routing (
    id               UUID          NOT NULL PRIMARY KEY,
    material_number  VARCHAR(40)   NOT NULL,
    site_code        VARCHAR(20)   NOT NULL,
    routing_version  INT           NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    released_at      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT product_routing_version_unique UNIQUE (material_number, site_code, routing_version)
);

CREATE TABLE product_routing_operation (
    routing_id       UUID           NOT NULL REFERENCES product_routing (id),
    sequence_number  INT            NOT NULL,
    description      VARCHAR(200)   NOT NULL,
    work_center      VARCHAR(40)    NOT NULL,
    setup_seconds    BIGINT         NOT NULL,
    cycle_seconds    DECIMAL(18, 6) NOT NULL,
    qualification    VARCHAR(40),
    tool_type        VARCHAR(40),
    inspection_plan  VARCHAR(40),
    PRIMARY KEY (routing_id, sequence_number)
);
