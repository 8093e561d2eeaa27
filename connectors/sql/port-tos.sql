-- The table a port's terminal operating system fills when a container looks suspect (like a customs RIF).
-- Debezium reads its changes through logical replication (wal_level=logical; a user with REPLICATION).
CREATE TABLE IF NOT EXISTS suspicious_containers (
    id               bigserial PRIMARY KEY,
    container_number text        NOT NULL,            -- ISO 6346, e.g. CSQU3054383
    bill_of_lading   text,
    vessel_imo       text,                            -- 7 digits
    indicators       text        NOT NULL,            -- comma-separated: SEAL_MISMATCH,DWELL_ANOMALY
    local_score      numeric(3,2) NOT NULL DEFAULT 0.5, -- 0.00 .. 1.00
    action           text        NOT NULL DEFAULT 'SCAN', -- NONE, SCAN, PHYSICAL, HOLD, CONTROLLED_DELIVERY
    port_of_loading  text,                            -- UN/LOCODE, e.g. ECGYE
    next_ports       text,                            -- comma-separated UN/LOCODEs
    handling_code    text        NOT NULL DEFAULT 'TLP_AMBER',
    flagged_at       timestamptz NOT NULL DEFAULT now(),
    note             text
);
