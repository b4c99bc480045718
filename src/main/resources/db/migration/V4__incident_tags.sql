-- Groundtruth investigation schema, version 4: tags indexed for `stats` and the dashboard (issue 7).
-- incident_tag holds one row per distinct lower-cased tag of an incident (lower case by Java's rules through the
-- gt_lower function, which Database registers on its connection before migrating: SQLite's lower() folds ASCII
-- only and tags are often Cyrillic), with copies of the columns a statistic filters and groups on, so a tag
-- filter reads one range of this table instead of the JSON of every incident. incident_tag_month_stats is
-- incident_month_stats per tag, for a single-tag filter on whole months. Both are kept by triggers in the
-- transaction of every change, like incident_month_stats; a connection without gt_lower cannot change incidents.

CREATE TABLE incident_tag (
    tag          TEXT NOT NULL,
    incident_key INTEGER NOT NULL REFERENCES incident (rowid_key) ON DELETE CASCADE,
    occurred_at  TEXT,
    admin1       TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    strike_type  TEXT NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (tag, incident_key)
) WITHOUT ROWID;
CREATE INDEX incident_tag_by_incident ON incident_tag (incident_key);

CREATE TABLE incident_tag_month_stats (
    tag         TEXT NOT NULL,
    month       TEXT NOT NULL,
    admin1      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    strike_type TEXT NOT NULL,
    status      TEXT NOT NULL,
    incidents   INTEGER NOT NULL CHECK (incidents >= 0),
    PRIMARY KEY (tag, month, admin1, target_type, strike_type, status)
) WITHOUT ROWID;

INSERT INTO incident_tag (tag, incident_key, occurred_at, admin1, target_type, strike_type, status)
SELECT DISTINCT gt_lower(j.value), i.rowid_key, i.occurred_at, i.admin1, i.target_type, i.strike_type, i.status
FROM incident AS i, json_each(i.tags) AS j WHERE j.type = 'text';

INSERT INTO incident_tag_month_stats (tag, month, admin1, target_type, strike_type, status, incidents)
SELECT tag, coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status, count(*)
FROM incident_tag GROUP BY 1, 2, 3, 4, 5, 6;

-- The summary follows incident_tag, whose rows are only ever inserted and deleted.
CREATE TRIGGER incident_tag_month_stats_insert AFTER INSERT ON incident_tag
BEGIN
    INSERT INTO incident_tag_month_stats (tag, month, admin1, target_type, strike_type, status, incidents)
    VALUES (NEW.tag, coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type, NEW.strike_type,
            NEW.status, 1)
    ON CONFLICT (tag, month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
END;

CREATE TRIGGER incident_tag_month_stats_delete AFTER DELETE ON incident_tag
BEGIN
    UPDATE incident_tag_month_stats SET incidents = incidents - 1
    WHERE tag = OLD.tag AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    DELETE FROM incident_tag_month_stats
    WHERE tag = OLD.tag AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status
      AND incidents = 0;
END;

CREATE TRIGGER incident_tag_insert AFTER INSERT ON incident
BEGIN
    INSERT INTO incident_tag (tag, incident_key, occurred_at, admin1, target_type, strike_type, status)
    SELECT DISTINCT gt_lower(value), NEW.rowid_key, NEW.occurred_at, NEW.admin1, NEW.target_type, NEW.strike_type,
           NEW.status
    FROM json_each(NEW.tags) WHERE type = 'text';
END;

CREATE TRIGGER incident_tag_update AFTER UPDATE OF rowid_key, tags, occurred_at, admin1, target_type, strike_type, status
ON incident
BEGIN
    DELETE FROM incident_tag WHERE incident_key = OLD.rowid_key;
    INSERT INTO incident_tag (tag, incident_key, occurred_at, admin1, target_type, strike_type, status)
    SELECT DISTINCT gt_lower(value), NEW.rowid_key, NEW.occurred_at, NEW.admin1, NEW.target_type, NEW.strike_type,
           NEW.status
    FROM json_each(NEW.tags) WHERE type = 'text';
END;

-- Also where foreign keys are off (the sqlite3 shell's default), so the index never outlives its incident.
CREATE TRIGGER incident_tag_delete AFTER DELETE ON incident
BEGIN
    DELETE FROM incident_tag WHERE incident_key = OLD.rowid_key;
END;
