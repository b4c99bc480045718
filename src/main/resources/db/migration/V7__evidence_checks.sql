-- Explanations of red flags (issue 15): a flag found by the checks (kind + evidence item) can be explained with a
-- rationale, never hidden. The flags themselves are recomputed from the evidence every time; only the analyst's
-- explanation is stored, keyed by what it explains.
CREATE TABLE evidence_check_explanation (
    incident_id  TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    evidence_id  TEXT NOT NULL REFERENCES evidence_item (id),
    rationale    TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    analyst      TEXT NOT NULL,
    explained_at TEXT NOT NULL,
    PRIMARY KEY (incident_id, kind, evidence_id)
);
