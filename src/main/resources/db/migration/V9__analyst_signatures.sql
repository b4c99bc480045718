-- Issue 17: analyst identities and team sync. Additive: the custody log itself is unchanged.

-- The Ed25519 signature of a custody entry by its author's key (signed: the entry's chained hash).
CREATE TABLE audit_signature (
    sequence        INTEGER PRIMARY KEY REFERENCES audit_log (sequence),
    key_fingerprint TEXT NOT NULL,
    signature       TEXT NOT NULL
);
CREATE TRIGGER audit_signature_no_update BEFORE UPDATE ON audit_signature
BEGIN SELECT RAISE(ABORT, 'custody signatures are append-only'); END;
CREATE TRIGGER audit_signature_no_delete BEFORE DELETE ON audit_signature
BEGIN SELECT RAISE(ABORT, 'custody signatures are append-only'); END;

-- Public keys known to this investigation: its own signers and the team's members (role: analyst, reviewer,
-- editor; a key listed as reviewer or editor may approve reviews).
CREATE TABLE analyst_key (
    fingerprint TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    role        TEXT NOT NULL DEFAULT 'analyst' CHECK (role IN ('analyst', 'reviewer', 'editor'))
);

-- The team server this investigation syncs with (none until `team join`).
CREATE TABLE team_link (
    singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
    server           TEXT NOT NULL,
    project          TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    pulled_through   INTEGER NOT NULL DEFAULT 0
);

-- Other devices' entries pulled from the server, kept exactly as signed (their own chains, by device).
CREATE TABLE team_entry (
    device_id       TEXT NOT NULL,
    sequence        INTEGER NOT NULL,
    project_seq     INTEGER NOT NULL,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    entity_type     TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    before_json     TEXT NOT NULL,
    after_json      TEXT NOT NULL,
    reason          TEXT NOT NULL,
    previous_hash   TEXT NOT NULL,
    hash            TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL,
    signature       TEXT NOT NULL,
    PRIMARY KEY (device_id, sequence)
);
CREATE INDEX team_entry_by_entity ON team_entry (entity_type, entity_id);

-- Fields two analysts changed differently while offline: both values kept until an analyst resolves it.
CREATE TABLE team_conflict (
    id              INTEGER PRIMARY KEY,
    incident_id     TEXT NOT NULL,
    field           TEXT NOT NULL,
    local_value     TEXT NOT NULL,
    remote_value    TEXT NOT NULL,
    remote_actor    TEXT NOT NULL,
    remote_device   TEXT NOT NULL,
    remote_sequence INTEGER NOT NULL,
    detected_at     TEXT NOT NULL,
    resolved_by     TEXT  -- 'entry N' (resolved here) or 'device D entry N' (resolved by another analyst)
);
CREATE INDEX team_conflict_open ON team_conflict (incident_id) WHERE resolved_by IS NULL;
