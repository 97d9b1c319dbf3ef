-- The plant model (ISA-95 equipment hierarchy) and the sites' shift calendars.
-- See dev.takt.equipment. Site codes never change, so children carry the site code itself.
CREATE TABLE equipment_site (
    id          UUID          NOT NULL PRIMARY KEY,
    code        VARCHAR(20)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    time_zone   VARCHAR(60)   NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT equipment_site_code_unique UNIQUE (code)
);

-- Areas, work centers and work units; kind says which. An area's parent is its site
-- (parent_id NULL); a code is unique per site and level.
CREATE TABLE equipment_element (
    id          UUID          NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)   NOT NULL,
    site_code   VARCHAR(20)   NOT NULL REFERENCES equipment_site (code),
    parent_id   UUID          REFERENCES equipment_element (id),
    code        VARCHAR(20)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT equipment_element_code_unique UNIQUE (site_code, kind, code)
);
CREATE INDEX equipment_element_parent ON equipment_element (parent_id);
