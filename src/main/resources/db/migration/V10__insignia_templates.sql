-- Insignia scan (issue 18): the investigation's emblem library and the candidates the analyst rejected.

CREATE TABLE insignia_template (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    source      TEXT NOT NULL,
    png_sha256  TEXT NOT NULL,
    png         BLOB NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE insignia_scan_rejection (
    id           TEXT PRIMARY KEY,
    evidence_id  TEXT NOT NULL REFERENCES evidence_item (id),
    template     TEXT NOT NULL,
    first_frame  INTEGER,
    last_frame   INTEGER,
    box_x        REAL NOT NULL,
    box_y        REAL NOT NULL,
    box_w        REAL NOT NULL,
    box_h        REAL NOT NULL,
    analyst      TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX insignia_rejection_by_evidence ON insignia_scan_rejection (evidence_id);
