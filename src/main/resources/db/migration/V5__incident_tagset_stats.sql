-- Groundtruth investigation schema, version 5: counts for several tags at once (any of them) on whole months
-- (issue 7). incident_tag_month_stats cannot answer those: an incident carrying two of the tags is in both tags'
-- counts. incident_tagset_month_stats counts incidents per tag set instead: each tagged incident is in exactly one
-- row, under the JSON array of its distinct lower-cased tags (sorted), so summing the rows of every tag set that
-- holds one of the filter's tags counts each incident once, for any number of tags. incident_tagset_member lists
-- the tags of each tag set that ever occurred, to find those sets through an index. Kept by triggers on incident in
-- the transaction of every change, like V3 and V4; untagged incidents are in neither table.

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
SELECT s.tagset, coalesce(substr(i.occurred_at, 1, 7), ''), i.admin1, i.target_type, i.strike_type, i.status, count(*)
FROM incident AS i, (SELECT t.incident_key AS incident_key, json_group_array(t.tag) AS tagset
                     FROM (SELECT incident_key, tag FROM incident_tag ORDER BY incident_key, tag) AS t
                     GROUP BY t.incident_key) AS s
WHERE i.rowid_key = s.incident_key
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
SELECT DISTINCT j.value, s.tagset FROM incident_tagset_month_stats AS s, json_each(s.tagset) AS j;

-- The tag set of an incident is computed from its tags JSON the same way in every trigger (distinct, lower-cased
-- by gt_lower, sorted), so an edit takes the incident out of exactly the row it was counted in.
CREATE TRIGGER incident_tagset_insert AFTER INSERT ON incident
BEGIN
    INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status, incidents)
    SELECT s.tagset, coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type, NEW.strike_type,
           NEW.status, 1
    FROM (SELECT json_group_array(t) AS tagset, count(*) AS n
          FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(NEW.tags) WHERE type = 'text' ORDER BY 1)) AS s
    WHERE s.n > 0
    ON CONFLICT (tagset, month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
    INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
    SELECT DISTINCT gt_lower(j.value), s.tagset
    FROM json_each(NEW.tags) AS j,
         (SELECT json_group_array(t) AS tagset
          FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(NEW.tags) WHERE type = 'text' ORDER BY 1)) AS s
    WHERE j.type = 'text';
END;

CREATE TRIGGER incident_tagset_update AFTER UPDATE OF tags, occurred_at, admin1, target_type, strike_type, status
ON incident
BEGIN
    UPDATE incident_tagset_month_stats SET incidents = incidents - 1
    WHERE tagset = (SELECT json_group_array(t)
                    FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(OLD.tags) WHERE type = 'text' ORDER BY 1))
      AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    DELETE FROM incident_tagset_month_stats WHERE incidents = 0
      AND tagset = (SELECT json_group_array(t)
                    FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(OLD.tags) WHERE type = 'text' ORDER BY 1))
      AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    INSERT INTO incident_tagset_month_stats (tagset, month, admin1, target_type, strike_type, status, incidents)
    SELECT s.tagset, coalesce(substr(NEW.occurred_at, 1, 7), ''), NEW.admin1, NEW.target_type, NEW.strike_type,
           NEW.status, 1
    FROM (SELECT json_group_array(t) AS tagset, count(*) AS n
          FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(NEW.tags) WHERE type = 'text' ORDER BY 1)) AS s
    WHERE s.n > 0
    ON CONFLICT (tagset, month, admin1, target_type, strike_type, status) DO UPDATE SET incidents = incidents + 1;
    INSERT OR IGNORE INTO incident_tagset_member (tag, tagset)
    SELECT DISTINCT gt_lower(j.value), s.tagset
    FROM json_each(NEW.tags) AS j,
         (SELECT json_group_array(t) AS tagset
          FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(NEW.tags) WHERE type = 'text' ORDER BY 1)) AS s
    WHERE j.type = 'text';
END;

CREATE TRIGGER incident_tagset_delete AFTER DELETE ON incident
BEGIN
    UPDATE incident_tagset_month_stats SET incidents = incidents - 1
    WHERE tagset = (SELECT json_group_array(t)
                    FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(OLD.tags) WHERE type = 'text' ORDER BY 1))
      AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
    DELETE FROM incident_tagset_month_stats WHERE incidents = 0
      AND tagset = (SELECT json_group_array(t)
                    FROM (SELECT DISTINCT gt_lower(value) AS t FROM json_each(OLD.tags) WHERE type = 'text' ORDER BY 1))
      AND month = coalesce(substr(OLD.occurred_at, 1, 7), '') AND admin1 = OLD.admin1
      AND target_type = OLD.target_type AND strike_type = OLD.strike_type AND status = OLD.status;
END;
