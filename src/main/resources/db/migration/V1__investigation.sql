-- Groundtruth investigation schema, version 1.
-- Ids are the domain's text ids; times are ISO-8601 UTC text; vocabulary values are snake_case codes.

CREATE TABLE source (
    id          TEXT PRIMARY KEY,
    platform    TEXT NOT NULL DEFAULT '',
    account     TEXT NOT NULL DEFAULT '',
    post_url    TEXT NOT NULL DEFAULT '',
    post_id     TEXT NOT NULL DEFAULT '',
    posted_at   TEXT,
    caption     TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    translation TEXT NOT NULL DEFAULT ''
);

CREATE TABLE incident (
    rowid_key          INTEGER PRIMARY KEY,          -- integer key for the spatial index
    id                 TEXT NOT NULL UNIQUE,
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description        TEXT NOT NULL DEFAULT '',
    occurred_at        TEXT,
    time_precision     TEXT NOT NULL,
    place_name         TEXT NOT NULL DEFAULT '',
    admin1             TEXT NOT NULL DEFAULT '',
    lat                REAL CHECK (lat BETWEEN -90 AND 90),
    lon                REAL CHECK (lon BETWEEN -180 AND 180),
    target_type        TEXT NOT NULL,
    strike_type        TEXT NOT NULL,
    strike_sequence    TEXT NOT NULL,
    killed_responders  INTEGER NOT NULL DEFAULT 0 CHECK (killed_responders >= 0),
    injured_responders INTEGER NOT NULL DEFAULT 0 CHECK (injured_responders >= 0),
    killed_civilians   INTEGER NOT NULL DEFAULT 0 CHECK (killed_civilians >= 0),
    injured_civilians  INTEGER NOT NULL DEFAULT 0 CHECK (injured_civilians >= 0),
    status             TEXT NOT NULL,
    tags               TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    sensitivity        TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX incident_occurred_at ON incident (occurred_at);
CREATE INDEX incident_status ON incident (status);

-- Spatial and time queries: one R*Tree over (lon, lat, time in epoch seconds); id = incident.rowid_key.
CREATE VIRTUAL TABLE incident_space_time USING rtree (id, min_lon, max_lon, min_lat, max_lat, min_t, max_t);

CREATE TABLE evidence_item (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    original_name    TEXT NOT NULL,
    media_type       TEXT NOT NULL,
    size_bytes       INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256           TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    perceptual_hash  TEXT,
    collected_by     TEXT NOT NULL,
    collected_at     TEXT NOT NULL,
    acquisition_tool TEXT NOT NULL DEFAULT '',
    metadata_json    TEXT NOT NULL DEFAULT '{}',
    duration_s       REAL,
    width            INTEGER,
    height           INTEGER,
    fps              REAL,
    sensitivity      TEXT NOT NULL,
    source_id        TEXT REFERENCES source (id),
    derived_from_id  TEXT REFERENCES evidence_item (id),
    derived_frame    INTEGER,
    CHECK ((derived_from_id IS NULL) = (derived_frame IS NULL))
);

-- An evidence item can belong to several incidents.
CREATE TABLE incident_evidence (
    incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    evidence_id TEXT NOT NULL REFERENCES evidence_item (id),
    PRIMARY KEY (incident_id, evidence_id)
);
CREATE INDEX incident_evidence_by_evidence ON incident_evidence (evidence_id);

CREATE TABLE geolocation_pin (
    id                     TEXT PRIMARY KEY,
    incident_id            TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    lat                    REAL NOT NULL,
    lon                    REAL NOT NULL,
    precision_m            REAL NOT NULL CHECK (precision_m > 0),
    camera_lat             REAL,
    camera_lon             REAL,
    bearing_deg            REAL,
    fov_deg                REAL,
    method                 TEXT NOT NULL DEFAULT '',
    reference_layer        TEXT NOT NULL DEFAULT '',
    reference_capture_date TEXT,
    analyst                TEXT NOT NULL,
    accepted               INTEGER NOT NULL DEFAULT 0 CHECK (accepted IN (0, 1)),
    created_at             TEXT NOT NULL
);
CREATE INDEX geolocation_pin_incident ON geolocation_pin (incident_id);
CREATE UNIQUE INDEX one_accepted_pin ON geolocation_pin (incident_id) WHERE accepted = 1;

CREATE TABLE matched_feature (
    pin_id      TEXT NOT NULL REFERENCES geolocation_pin (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description TEXT NOT NULL,
    evidence_id TEXT REFERENCES evidence_item (id),
    frame       INTEGER,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    PRIMARY KEY (pin_id, position)
);

CREATE TABLE insignia_observation (
    id           TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    evidence_id  TEXT NOT NULL REFERENCES evidence_item (id),
    frame        INTEGER,
    frame_time_s REAL,
    box_x        REAL NOT NULL,
    box_y        REAL NOT NULL,
    box_w        REAL NOT NULL,
    box_h        REAL NOT NULL,
    type         TEXT NOT NULL,
    other_text   TEXT NOT NULL DEFAULT '',
    confidence   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    analyst      TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX insignia_by_incident ON insignia_observation (incident_id);
CREATE INDEX insignia_by_evidence ON insignia_observation (evidence_id, frame);

CREATE TABLE corroboration (
    id         TEXT PRIMARY KEY,
    evidence_a TEXT NOT NULL REFERENCES evidence_item (id),
    evidence_b TEXT NOT NULL REFERENCES evidence_item (id),
    relation   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    analyst    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (evidence_a <> evidence_b)
);

CREATE TABLE chronolocation (
    id               TEXT PRIMARY KEY,
    incident_id      TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    claimed_at       TEXT NOT NULL,
    sun_azimuth_deg  REAL NOT NULL,
    sun_altitude_deg REAL NOT NULL,
    shadow_bearing_deg REAL,
    windows_json     TEXT NOT NULL DEFAULT '[]',
    note             TEXT NOT NULL DEFAULT '',
    analyst          TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE review (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    proposer    TEXT NOT NULL,
    reviewer    TEXT,
    decision    TEXT NOT NULL,
    rationale   TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX review_by_incident ON review (incident_id, at);

-- The custody log: append-only, hash-chained. Triggers refuse updates and deletes from the application;
-- the chain detects edits made around them (audit verify).
CREATE TABLE audit_log (
    sequence      INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    entity_type   TEXT NOT NULL,
    entity_id     TEXT NOT NULL,
    before_json   TEXT NOT NULL,
    after_json    TEXT NOT NULL,
    reason        TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log (entity_type, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;

-- The last appended entry, written in the same transaction: detects a truncated tail.
CREATE TABLE audit_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    sequence  INTEGER NOT NULL,
    hash      TEXT NOT NULL
);
INSERT INTO audit_head (singleton, sequence, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Full-text search per incident over titles, descriptions, places, tags, captions and notes; maintained by
-- the application in the same transaction as the change.
CREATE VIRTUAL TABLE incident_search USING fts5 (incident_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
