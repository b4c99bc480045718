-- Groundtruth investigation schema: image matching (issue 16).
-- image_match_cell caches the features of reference imagery cells so a second search of the same area is fast;
-- it is derived data (safe to empty) and not part of the custody log. image_match_decision keeps the analyst's
-- accept/reject decisions on candidates per evidence frame (rejections are remembered for that frame); the custody
-- log records every search and decision.

CREATE TABLE image_match_cell (
    layer_key         TEXT NOT NULL,
    extractor         TEXT NOT NULL,
    zoom              INTEGER NOT NULL CHECK (zoom BETWEEN 0 AND 24),
    cell_size         INTEGER NOT NULL CHECK (cell_size > 0),
    x                 INTEGER NOT NULL CHECK (x >= 0),
    y                 INTEGER NOT NULL CHECK (y >= 0),
    feature_count     INTEGER NOT NULL CHECK (feature_count >= 0),
    descriptor_length INTEGER NOT NULL CHECK (descriptor_length > 0),
    points            BLOB NOT NULL,
    descriptors       BLOB NOT NULL,
    PRIMARY KEY (layer_key, extractor, zoom, cell_size, x, y)
) WITHOUT ROWID;

CREATE TABLE image_match_decision (
    id          TEXT PRIMARY KEY,
    evidence_id TEXT NOT NULL REFERENCES evidence_item (id),
    frame       INTEGER NOT NULL CHECK (frame >= 0),
    layer       TEXT NOT NULL,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    score       REAL NOT NULL,
    inliers     INTEGER NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
    pin_id      TEXT REFERENCES geolocation_pin (id) ON DELETE SET NULL,
    analyst     TEXT NOT NULL,
    decided_at  TEXT NOT NULL
);
CREATE INDEX image_match_decision_by_frame ON image_match_decision (evidence_id, frame);
