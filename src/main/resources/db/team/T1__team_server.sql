-- Groundtruth team server (issue 17): PostgreSQL 15 + PostGIS 3. Applied by `groundtruth team init` as the
-- database owner. docs/decisions/1704-team-server-schema.md.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA gt;
REVOKE ALL ON SCHEMA gt FROM PUBLIC;

-- Group roles (cluster-wide, shared by every Groundtruth database on the cluster).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gt_analyst') THEN
        CREATE ROLE gt_analyst NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gt_reviewer') THEN
        CREATE ROLE gt_reviewer NOLOGIN IN ROLE gt_analyst;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gt_editor') THEN
        CREATE ROLE gt_editor NOLOGIN IN ROLE gt_reviewer;
    END IF;
END $$;

-- One row per analyst: their login role and the public key bound to their name.
CREATE TABLE gt.analyst (
    name        text PRIMARY KEY,
    login       text NOT NULL UNIQUE,
    role        text NOT NULL CHECK (role IN ('analyst', 'reviewer', 'editor')),
    fingerprint text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    public_key  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE gt.project (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
    created_by text NOT NULL REFERENCES gt.analyst (name),
    created_at timestamptz NOT NULL DEFAULT now(),
    head_seq   bigint NOT NULL DEFAULT 0,
    head_hash  text NOT NULL DEFAULT repeat('0', 64)
);

CREATE TABLE gt.member (
    project_id bigint NOT NULL REFERENCES gt.project (id),
    analyst    text NOT NULL REFERENCES gt.analyst (name),
    invited_by text NOT NULL,
    joined     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (project_id, analyst)
);

-- Each laptop's own chain within a project; a device belongs to the analyst who first pushed from it.
CREATE TABLE gt.device (
    project_id bigint NOT NULL REFERENCES gt.project (id),
    device_id  text NOT NULL,
    analyst    text NOT NULL REFERENCES gt.analyst (name),
    head_seq   bigint NOT NULL DEFAULT 0,
    head_hash  text NOT NULL DEFAULT repeat('0', 64),
    PRIMARY KEY (project_id, device_id)
);

-- Every device's signed custody entries, append-only, idempotent by (device, sequence, hash); the project's
-- own chain runs over project_seq: project_hash = SHA-256(project_previous || hash).
CREATE TABLE gt.entry (
    project_id       bigint NOT NULL REFERENCES gt.project (id),
    project_seq      bigint NOT NULL DEFAULT 0,
    device_id        text NOT NULL,
    sequence         bigint NOT NULL CHECK (sequence >= 1),
    at               text NOT NULL,
    actor            text NOT NULL,
    action           text NOT NULL,
    entity_type      text NOT NULL,
    entity_id        text NOT NULL,
    before_json      text NOT NULL,
    after_json       text NOT NULL,
    reason           text NOT NULL,
    previous_hash    text NOT NULL,
    hash             text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    key_fingerprint  text NOT NULL,
    signature        text NOT NULL,
    analyst          text NOT NULL DEFAULT '',
    project_previous text NOT NULL DEFAULT '',
    project_hash     text NOT NULL DEFAULT '',
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, project_seq),
    UNIQUE (project_id, device_id, sequence)
);
CREATE INDEX entry_by_entity ON gt.entry (project_id, entity_type, entity_id);

-- The incidents as the entries leave them, for spatial queries on the server (PostGIS).
CREATE TABLE gt.incident (
    project_id  bigint NOT NULL REFERENCES gt.project (id),
    id          text NOT NULL,
    title       text NOT NULL,
    status      text NOT NULL,
    occurred_at text,
    place_name  text NOT NULL DEFAULT '',
    admin1      text NOT NULL DEFAULT '',
    geom        geometry(Point, 4326),
    updated_seq bigint NOT NULL,
    PRIMARY KEY (project_id, id)
);
CREATE INDEX incident_geom ON gt.incident USING gist (geom);

-- Evidence originals by SHA-256, uploaded in chunks (resumable: a repeated upload sends only missing chunks).
CREATE TABLE gt.blob (
    project_id bigint NOT NULL REFERENCES gt.project (id),
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size       bigint NOT NULL CHECK (size >= 0),
    complete   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (project_id, sha256)
);
CREATE TABLE gt.blob_chunk (
    project_id bigint NOT NULL,
    sha256     text NOT NULL,
    idx        integer NOT NULL CHECK (idx >= 0),
    data       bytea NOT NULL,
    PRIMARY KEY (project_id, sha256, idx),
    FOREIGN KEY (project_id, sha256) REFERENCES gt.blob (project_id, sha256)
);

-- Who is calling, and may they see a project? (SECURITY DEFINER: members and analysts are not readable rows.)
CREATE FUNCTION gt.me() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gt AS
$$ SELECT name FROM gt.analyst WHERE login = session_user $$;

CREATE FUNCTION gt.is_member(p bigint) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, gt AS
$$ SELECT EXISTS (SELECT 1 FROM gt.member m JOIN gt.analyst a ON a.name = m.analyst
                  WHERE m.project_id = p AND a.login = session_user) $$;

-- Joins a project: creates it (caller as first member) when there is none by that name; otherwise the caller
-- must have been invited by a member.
CREATE FUNCTION gt.join_project(p_name text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, gt AS $$
DECLARE
    caller text := gt.me();
    pid bigint;
BEGIN
    IF caller IS NULL THEN
        RAISE EXCEPTION 'role % is not a Groundtruth analyst', session_user USING ERRCODE = '42501';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('gt.project:' || p_name));
    SELECT id INTO pid FROM gt.project WHERE name = p_name;
    IF pid IS NULL THEN
        INSERT INTO gt.project (name, created_by) VALUES (p_name, caller) RETURNING id INTO pid;
        INSERT INTO gt.member (project_id, analyst, invited_by, joined) VALUES (pid, caller, caller, true);
        RETURN pid;
    END IF;
    UPDATE gt.member SET joined = true WHERE project_id = pid AND analyst = caller;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'analyst % is not a member of project %: ask a member to invite them', caller, p_name
            USING ERRCODE = '42501';
    END IF;
    RETURN pid;
END $$;

CREATE FUNCTION gt.invite(p_name text, p_analyst text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, gt AS $$
DECLARE
    pid bigint;
BEGIN
    SELECT id INTO pid FROM gt.project WHERE name = p_name;
    IF pid IS NULL OR NOT gt.is_member(pid) THEN
        RAISE EXCEPTION 'only a member of project % can invite to it', p_name USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM gt.analyst WHERE name = p_analyst) THEN
        RAISE EXCEPTION 'no analyst named % on this server', p_analyst USING ERRCODE = '22023';
    END IF;
    INSERT INTO gt.member (project_id, analyst, invited_by) VALUES (pid, p_analyst, gt.me())
        ON CONFLICT DO NOTHING;
END $$;

-- Marks an uploaded blob complete once its chunks hash to its name.
CREATE FUNCTION gt.complete_blob(p bigint, p_sha text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, gt AS $$
DECLARE
    digest text;
    total bigint;
    expected bigint;
BEGIN
    IF NOT gt.is_member(p) THEN
        RAISE EXCEPTION 'not a member of project %', p USING ERRCODE = '42501';
    END IF;
    SELECT size INTO expected FROM gt.blob WHERE project_id = p AND sha256 = p_sha FOR UPDATE;
    SELECT encode(sha256(coalesce(string_agg(data, ''::bytea ORDER BY idx), ''::bytea)), 'hex'),
           coalesce(sum(length(data)), 0)
      INTO digest, total FROM gt.blob_chunk WHERE project_id = p AND sha256 = p_sha;
    IF digest = p_sha AND total = expected THEN
        UPDATE gt.blob SET complete = true WHERE project_id = p AND sha256 = p_sha;
        RETURN true;
    END IF;
    RETURN false;
END $$;

-- The server's rules for every entry, whoever inserts it (the client or plain SQL): the caller is a member,
-- signs with their own registered key, extends their device's chain without gaps or forks; a review approval
-- is by another key than the proposal's and by a reviewer or editor; "verified" only after such an approval.
CREATE FUNCTION gt.entry_rules() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, gt AS $$
DECLARE
    caller gt.analyst%ROWTYPE;
    proj gt.project%ROWTYPE;
    dev gt.device%ROWTYPE;
    held text;
    proposal_key text;
    a jsonb;
    b jsonb;
BEGIN
    SELECT * INTO caller FROM gt.analyst WHERE login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role % is not a Groundtruth analyst', session_user USING ERRCODE = '42501';
    END IF;
    IF NOT gt.is_member(NEW.project_id) THEN
        RAISE EXCEPTION 'analyst % is not a member of project %', caller.name, NEW.project_id USING ERRCODE = '42501';
    END IF;
    IF NEW.key_fingerprint <> caller.fingerprint THEN
        RAISE EXCEPTION 'entry % of device % is signed by key %…, not by the key of %', NEW.sequence, NEW.device_id,
            left(NEW.key_fingerprint, 16), caller.name USING ERRCODE = '42501';
    END IF;
    SELECT * INTO proj FROM gt.project WHERE id = NEW.project_id FOR UPDATE;
    SELECT hash INTO held FROM gt.entry WHERE project_id = NEW.project_id AND device_id = NEW.device_id
        AND sequence = NEW.sequence;
    IF FOUND THEN
        IF held = NEW.hash THEN
            RETURN NULL; -- already here: a repeated push changes nothing
        END IF;
        RAISE EXCEPTION 'fork: entry % of device % differs from the one the server holds (history rewritten)',
            NEW.sequence, NEW.device_id USING ERRCODE = '23505';
    END IF;
    SELECT * INTO dev FROM gt.device WHERE project_id = NEW.project_id AND device_id = NEW.device_id FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO gt.device (project_id, device_id, analyst) VALUES (NEW.project_id, NEW.device_id, caller.name)
            RETURNING * INTO dev;
    ELSIF dev.analyst <> caller.name THEN
        RAISE EXCEPTION 'device % belongs to analyst %', NEW.device_id, dev.analyst USING ERRCODE = '42501';
    END IF;
    IF NEW.sequence <> dev.head_seq + 1 OR NEW.previous_hash <> dev.head_hash THEN
        RAISE EXCEPTION 'fork: entry % of device % does not follow entry % the server holds', NEW.sequence,
            NEW.device_id, dev.head_seq USING ERRCODE = '23514';
    END IF;
    a := NEW.after_json::jsonb;
    b := NEW.before_json::jsonb;
    IF NEW.entity_type = 'review' AND a ->> 'decision' = 'approved' THEN
        SELECT key_fingerprint INTO proposal_key FROM gt.entry
         WHERE project_id = NEW.project_id AND entity_type = 'review'
           AND after_json::jsonb ->> 'decision' = 'proposed'
           AND after_json::jsonb ->> 'incidentId' = a ->> 'incidentId'
         ORDER BY project_seq DESC LIMIT 1;
        IF proposal_key IS NULL THEN
            RAISE EXCEPTION 'approval of incident % names no proposal the server holds', a ->> 'incidentId'
                USING ERRCODE = '23514';
        END IF;
        IF proposal_key = NEW.key_fingerprint THEN
            RAISE EXCEPTION 'two-person rule: the proposal for incident % was signed with this same key', a ->> 'incidentId'
                USING ERRCODE = '42501';
        END IF;
        IF caller.role NOT IN ('reviewer', 'editor') THEN
            RAISE EXCEPTION 'analyst % is not a reviewer', caller.name USING ERRCODE = '42501';
        END IF;
    END IF;
    IF NEW.entity_type = 'incident' AND a ->> 'status' = 'verified'
            AND (b IS NULL OR jsonb_typeof(b) <> 'object' OR b ->> 'status' IS DISTINCT FROM 'verified') THEN
        IF NOT EXISTS (SELECT 1 FROM gt.entry WHERE project_id = NEW.project_id AND entity_type = 'review'
                AND after_json::jsonb ->> 'decision' = 'approved' AND after_json::jsonb ->> 'incidentId' = NEW.entity_id
                AND key_fingerprint = NEW.key_fingerprint) THEN
            RAISE EXCEPTION 'incident % becomes verified only through a second analyst''s approval', NEW.entity_id
                USING ERRCODE = '42501';
        END IF;
    END IF;
    NEW.analyst := caller.name;
    NEW.project_seq := proj.head_seq + 1;
    NEW.project_previous := proj.head_hash;
    NEW.project_hash := encode(sha256(convert_to(proj.head_hash || NEW.hash, 'UTF8')), 'hex');
    NEW.received_at := now();
    UPDATE gt.project SET head_seq = NEW.project_seq, head_hash = NEW.project_hash WHERE id = NEW.project_id;
    UPDATE gt.device SET head_seq = NEW.sequence, head_hash = NEW.hash
     WHERE project_id = NEW.project_id AND device_id = NEW.device_id;
    IF NEW.entity_type = 'incident' THEN
        PERFORM gt.project_incident(NEW.project_id, NEW.entity_id, b, a, NEW.project_seq);
    END IF;
    RETURN NEW;
END $$;

-- Keeps gt.incident in step, field by field (only the fields an entry changed), so concurrent offline edits
-- of different fields both land.
CREATE FUNCTION gt.project_incident(p bigint, p_id text, b jsonb, a jsonb, seq bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, gt AS $$
DECLARE
    point geometry;
BEGIN
    IF a IS NULL OR jsonb_typeof(a) <> 'object' THEN
        DELETE FROM gt.incident WHERE project_id = p AND id = p_id;
        RETURN;
    END IF;
    IF jsonb_typeof(a -> 'location') = 'object' THEN
        point := ST_SetSRID(ST_MakePoint((a -> 'location' ->> 'lon')::float8, (a -> 'location' ->> 'lat')::float8), 4326);
    END IF;
    IF b IS NULL OR jsonb_typeof(b) <> 'object' OR NOT EXISTS (SELECT 1 FROM gt.incident WHERE project_id = p AND id = p_id) THEN
        INSERT INTO gt.incident (project_id, id, title, status, occurred_at, place_name, admin1, geom, updated_seq)
        VALUES (p, p_id, a ->> 'title', a ->> 'status', a ->> 'occurredAt', coalesce(a ->> 'placeName', ''),
                coalesce(a ->> 'admin1', ''), point, seq)
        ON CONFLICT (project_id, id) DO UPDATE SET title = excluded.title, status = excluded.status,
            occurred_at = excluded.occurred_at, place_name = excluded.place_name, admin1 = excluded.admin1,
            geom = excluded.geom, updated_seq = excluded.updated_seq;
        RETURN;
    END IF;
    UPDATE gt.incident SET
        title = CASE WHEN a -> 'title' IS DISTINCT FROM b -> 'title' THEN a ->> 'title' ELSE title END,
        status = CASE WHEN a -> 'status' IS DISTINCT FROM b -> 'status' THEN a ->> 'status' ELSE status END,
        occurred_at = CASE WHEN a -> 'occurredAt' IS DISTINCT FROM b -> 'occurredAt' THEN a ->> 'occurredAt' ELSE occurred_at END,
        place_name = CASE WHEN a -> 'placeName' IS DISTINCT FROM b -> 'placeName' THEN coalesce(a ->> 'placeName', '') ELSE place_name END,
        admin1 = CASE WHEN a -> 'admin1' IS DISTINCT FROM b -> 'admin1' THEN coalesce(a ->> 'admin1', '') ELSE admin1 END,
        geom = CASE WHEN a -> 'location' IS DISTINCT FROM b -> 'location' THEN point ELSE geom END,
        updated_seq = seq
    WHERE project_id = p AND id = p_id;
END $$;

CREATE TRIGGER entry_rules BEFORE INSERT ON gt.entry FOR EACH ROW EXECUTE FUNCTION gt.entry_rules();

CREATE FUNCTION gt.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;
CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE ON gt.entry
    FOR EACH ROW EXECUTE FUNCTION gt.append_only();
CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON gt.entry
    FOR EACH STATEMENT EXECUTE FUNCTION gt.append_only();

-- Row-level security: an analyst sees only the projects they are a member of.
ALTER TABLE gt.project ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.member ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.device ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.incident ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.blob ENABLE ROW LEVEL SECURITY;
ALTER TABLE gt.blob_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_reads ON gt.project FOR SELECT USING (gt.is_member(id));
CREATE POLICY member_reads ON gt.member FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_reads ON gt.device FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_reads ON gt.entry FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_writes ON gt.entry FOR INSERT WITH CHECK (gt.is_member(project_id));
CREATE POLICY member_reads ON gt.incident FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_reads ON gt.blob FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_writes ON gt.blob FOR INSERT WITH CHECK (gt.is_member(project_id));
CREATE POLICY member_reads ON gt.blob_chunk FOR SELECT USING (gt.is_member(project_id));
CREATE POLICY member_writes ON gt.blob_chunk FOR INSERT WITH CHECK (gt.is_member(project_id));

GRANT USAGE ON SCHEMA gt TO gt_analyst;
GRANT SELECT ON gt.project, gt.member, gt.device, gt.entry, gt.incident, gt.blob, gt.blob_chunk TO gt_analyst;
GRANT SELECT (name, role, fingerprint, public_key) ON gt.analyst TO gt_analyst;
GRANT INSERT ON gt.entry, gt.blob, gt.blob_chunk TO gt_analyst;
REVOKE ALL ON FUNCTION gt.me(), gt.is_member(bigint), gt.join_project(text), gt.invite(text, text),
    gt.complete_blob(bigint, text), gt.project_incident(bigint, text, jsonb, jsonb, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gt.me(), gt.is_member(bigint), gt.join_project(text), gt.invite(text, text),
    gt.complete_blob(bigint, text) TO gt_analyst;
