-- The history of an incident is read through this index of custody entries by incident (issue 13), not by a LIKE
-- scan of every entry's JSON. An entry belongs to an incident when it is about the incident itself (its entity id)
-- or when its before or after state names it ("incidentId" at any depth: pins, observations, reviews, links,
-- chronolocations). AuditLog keeps it as it appends; this backfills the entries written before.
CREATE TABLE audit_incident (
    incident_id TEXT NOT NULL,
    sequence INTEGER NOT NULL REFERENCES audit_log (sequence),
    PRIMARY KEY (incident_id, sequence)
) WITHOUT ROWID;

INSERT OR IGNORE INTO audit_incident (incident_id, sequence)
SELECT entity_id, sequence FROM audit_log WHERE entity_id LIKE 'inc-%';

INSERT OR IGNORE INTO audit_incident (incident_id, sequence)
SELECT t.value, a.sequence
FROM audit_log a, json_tree(CASE WHEN json_valid(a.after_json) THEN a.after_json ELSE '{}' END) t
WHERE t.key = 'incidentId' AND t.type = 'text';

INSERT OR IGNORE INTO audit_incident (incident_id, sequence)
SELECT t.value, a.sequence
FROM audit_log a, json_tree(CASE WHEN json_valid(a.before_json) THEN a.before_json ELSE '{}' END) t
WHERE t.key = 'incidentId' AND t.type = 'text';
