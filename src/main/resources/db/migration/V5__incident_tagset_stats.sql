-- Groundtruth investigation schema, version 5: counts for several tags at once (any of them) on whole months
-- (issue 7). incident_tag_month_stats cannot answer those: an incident carrying two of the tags is in both tags'
-- counts. incident_tagset_month_stats counts incidents per tag set instead: each tagged incident is in exactly one
-- row, under the JSON array of its distinct lower-cased tags (sorted), so summing the rows of every tag set that
-- holds one of the filter's tags counts each incident once, for any number of tags. incident_tagset_member lists
-- the tags of each tag set that ever occurred, to find those sets through an index. Kept by triggers on incident in
-- the transaction of every change, like V3 and V4; untagged incidents are in neither table. An incident's tag set is
-- gt_tagset(tags), a Java function (store.SqlFunctions), so the backfill and every trigger compute it one way.

CREATE TABLE incident_tagset_month_stats (
    tagset      TEXT NOT NULL,
    month       TEXT NOT NULL,
    admin1      TEXT NOT NULL,
    target_type TEXT NOT NULL,
    strike_type TEXT NOT NULL,
    status      TEXT NOT NULL,
    incidents   INTEGER NOT NULL CHECK (incidents >= 0),
    PRIMARY KEY (tagset, month, admin1, target_type, strike_type, status)
) WITHOUT ROWID;

-- Never pruned: a tag set no incident has any more only costs a lookup that finds no summary rows.
CREATE TABLE incident_tagset_member (
    tag    TEXT NOT NULL,
    tagset TEXT NOT NULL,
    PRIMARY KEY (tag, tagset)
) WITHOUT ROWID;

INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status, incidents)
SELECT gt_tagset(tags), coalesce(substr(occurred_at, 1, 7), ''), admin1, target_type, strike_type, status, count(*)
FROM incident
WHERE gt_tagset(tags) IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
SELECT DISTINCT j.value, s.tagset FROM incident_tagset_month_stats AS s, json_each(s.tagset) AS j;

-- An edit takes the incident out of exactly the row it was counted in, and puts it into the row it belongs to now.
-- gt_tagset gives NULL for an incident without tags, which matches no row.
CREATE TRIGGER incident_tagset_insert AFTER INSERT ON incident WHEN gt_tagset(NEW.tags) IS NOT NULL
BEGIN
    INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status, incidents)
    VALUES (gt_tagset(NEW.tags), coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type,
            NEW.strike_type, NEW.status, 1)
    ON CONFLICT (tagset, month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
    INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
    SELECT value, gt_tagset(NEW.tags) FROM json_each(gt_tagset(NEW.tags));
END;

CREATE TRIGGER incident_tagset_update AFTER UPDATE OF tags, occurred_at, admin1, target_type, strike_type, status
ON incident
BEGIN
    UPDATE incident_tagset_month_stats SET incidents = incidents - 1
    WHERE tagset = gt_tagset(OLD.tags) AND month = coalesce(substr(OLD.occurred_at, 1, 7), '')
      AND admin1 = OLD.admin1 AND target_type = OLD.target_type AND strike_type = OLD.strike_type
      AND status = OLD.status;
    DELETE FROM incident_tagset_month_stats
    WHERE incidents = 0 AND tagset = gt_tagset(OLD.tags) AND month = coalesce(substr(OLD.occurred_at, 1, 7), '')
      AND admin1 = OLD.admin1 AND target_type = OLD.target_type AND strike_type = OLD.strike_type
      AND status = OLD.status;
    INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status, incidents)
    SELECT gt_tagset(NEW.tags), coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type,
           NEW.strike_type, NEW.status, 1
    WHERE gt_tagset(NEW.tags) IS NOT NULL
    ON CONFLICT (tagset, month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
    INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
    SELECT value, gt_tagset(NEW.tags) FROM json_each(gt_tagset(NEW.tags)) WHERE gt_tagset(NEW.tags) IS NOT NULL;
END;

CREATE TRIGGER incident_tagset_delete AFTER DELETE ON incident WHEN gt_tagset(OLD.tags) IS NOT NULL
BEGIN
    UPDATE incident_tagset_month_stats SET incidents = incidents - 1
    WHERE tagset = gt_tagset(OLD.tags) AND month = coalesce(substr(OLD.occurred_at, 1, 7), '')
      AND admin1 = OLD.admin1 AND target_type = OLD.target_type AND strike_type = OLD.strike_type
      AND status = OLD.status;
    DELETE FROM incident_tagset_month_stats
    WHERE incidents = 0 AND tagset = gt_tagset(OLD.tags) AND month = coalesce(substr(OLD.occurred_at, 1, 7), '')
      AND admin1 = OLD.admin1 AND target_type = OLD.target_type AND strike_type = OLD.strike_type
      AND status = OLD.status;
END;
