-- Groundtruth investigation schema, version 2: analysts' decisions on suspected double taps (issue 7).
-- One row per pair (first strike, follow-up strike); a new decision on the same pair replaces the row, and
-- the custody log keeps every decision. sequence_before: the follow-up's strike sequence before a
-- confirmation set it to follow_up, restored when that confirmation is dismissed again.

CREATE TABLE double_tap_decision (
    first_id        TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    second_id       TEXT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    verdict         TEXT NOT NULL CHECK (verdict IN ('confirmed', 'dismissed')),
    distance_m      REAL NOT NULL CHECK (distance_m >= 0),
    gap_s           INTEGER NOT NULL CHECK (gap_s > 0),
    sequence_before TEXT,
    analyst         TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    decided_at      TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id),
    CHECK (first_id <> second_id)
);
CREATE INDEX double_tap_decision_by_second ON double_tap_decision (second_id);
