-- Groundtruth investigation schema, version 3: incident counts per (month, region, target type, strike type,
-- status), kept by triggers in the transaction of every change, so the dashboard and `stats` aggregate a few
-- thousand rows instead of scanning a million incidents. month is 'YYYY-MM' (UTC) or '' when the time is unknown.
-- Filters the summary cannot answer (tags, dates inside a month) fall back to scanning incident.

CREATE TABLE incident_month_stats (
    month       TEXT NOT NULL,
    admin1      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    strike_type TEXT NOT NULL,
    status      TEXT NOT NULL,
    incidents   INTEGER NOT NULL CHECK (incidents >= 0),
    PRIMARY KEY (month, admin1, target_type, strike_type, status)
) WITHOUT ROWID;

INSERT INTO incident_month_stats (month, admin1, target_type, strike_type, status, incidents)
SELECT coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status, count(*)
FROM incident GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER incident_month_stats_insert AFTER INSERT ON incident
BEGIN
    INSERT INTO incident_month_stats (month, admin1, target_type, strike_type, status, incidents)
    VALUES (coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type, NEW.strike_type, NEW.status, 1)
    ON CONFLICT (month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
END;

CREATE TRIGGER incident_month_stats_delete AFTER DELETE ON incident
BEGIN
    UPDATE incident_month_stats SET incidents = incidents - 1
    WHERE month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    DELETE FROM incident_month_stats
    WHERE month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status
      AND incidents = 0;
END;

CREATE TRIGGER incident_month_stats_update AFTER UPDATE OF occurred_at, admin1, target_type, strike_type, status
ON incident
BEGIN
    UPDATE incident_month_stats SET incidents = incidents - 1
    WHERE month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    DELETE FROM incident_month_stats
    WHERE month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status
      AND incidents = 0;
    INSERT INTO incident_month_stats (month, admin1, target_type, strike_type, status, incidents)
    VALUES (coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type, NEW.strike_type, NEW.status, 1)
    ON CONFLICT (month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
END;
