package org.groundtruth.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.ChainVerifier;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.core.identity.SignatureCheck;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.core.incident.Incident;

/**
 * The laptop side of team mode (issue 17): the signing key in use, the link to the team server, this device's
 * signed entries to push, other devices' entries pulled into a mirror and applied to the local data (field by
 * field; conflicting edits are kept, flagged and resolved by an entry), and signature checks.
 * docs/decisions/1703-sync-model.md.
 */
public final class TeamLocal {
    /** The server and project this investigation syncs with, and this laptop's device id. */
    public record Link(String server, String project, String deviceId, long pulledThrough) {
    }

    /** One of this device's entries with its signature, when it has one. */
    public record OwnEntry(AuditEntry entry, Optional<EntrySignature> signature) {
    }

    /** What applying pulled entries did. */
    public record Applied(int stored, int alreadyHad, int appliedToData, int conflicts) {
    }

    /** A public key known to the investigation and its team role. */
    public record KnownKey(AnalystKey key, String role) {
    }

    private static final ObjectMapper RECORDS = JsonMapper.builder().addModule(new Jdk8Module())
            .addModule(new JavaTimeModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The reason of a resolution entry starts so; other laptops close their copy of the conflict on it. */
    static final String RESOLUTION = "conflict on ";

    private static final PulledRecords PULLED = new PulledRecords(RECORDS);
    private static final RecordConflicts CONFLICTS = new RecordConflicts(RECORDS, PULLED);

    private final Database db;

    TeamLocal(Database db) {
        this.db = db;
    }

    /** Signs every entry this investigation appends in {@code signer}'s name from now on. */
    public void useSigner(EntrySigner signer) {
        db.read(c -> {
            EntrySigning.use(c, signer);
            return null;
        });
    }

    public Optional<EntrySigner> signer() {
        return db.read(EntrySigning::signer);
    }

    public Optional<Link> link() {
        return db.read(c -> Sql.one(c, "SELECT server, project, device_id, pulled_through FROM team_link",
                rs -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
    }

    /** Links this investigation to a project; a laptop keeps its device id when it re-joins the same project. */
    public Link link(String server, String project, String newDeviceId) {
        return db.inTransaction(c -> {
            Optional<Link> existing = Sql.one(c, "SELECT server, project, device_id, pulled_through FROM team_link",
                    rs -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            if (existing.isPresent()) {
                if (!existing.get().project().equals(project)) {
                    throw new BadInputException("this investigation already syncs with project "
                            + existing.get().project() + "; one investigation belongs to one project");
                }
                Sql.update(c, "UPDATE team_link SET server = ?", server);
                return new Link(server, project, existing.get().deviceId(), existing.get().pulledThrough());
            }
            Sql.update(c, "INSERT INTO team_link (singleton, server, project, device_id) VALUES (1, ?, ?, ?)",
                    server, project, newDeviceId);
            return new Link(server, project, newDeviceId, 0);
        });
    }

    /** This device's entries after {@code sequence}, oldest first, at most {@code limit}. */
    public List<OwnEntry> ownEntriesAfter(long sequence, int limit) {
        return db.read(c -> Sql.query(c, "SELECT l.*, s.key_fingerprint, s.signature FROM audit_log l"
                + " LEFT JOIN audit_signature s ON s.sequence = l.sequence WHERE l.sequence > ? ORDER BY l.sequence"
                + " LIMIT ?", rs -> new OwnEntry(AuditLog.entry(rs), rs.getString("signature") == null
                        ? Optional.empty()
                        : Optional.of(new EntrySignature(rs.getString("key_fingerprint"), rs.getString("signature")))),
                sequence, limit));
    }

    public long ownHead() {
        return db.read(c -> Sql.count(c, "SELECT sequence FROM audit_head WHERE singleton = 1"));
    }

    /** Records the team's public keys and roles (from the server), replacing the roles previously known. */
    public void rememberKeys(List<KnownKey> keys) {
        db.inTransaction(c -> {
            for (KnownKey k : keys) {
                Sql.update(c, "INSERT INTO analyst_key (fingerprint, name, public_key, role) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name, role = excluded.role",
                        k.key().fingerprint(), k.key().name(), k.key().pem(), k.role());
            }
            return null;
        });
    }

    public List<KnownKey> knownKeys() {
        return db.read(c -> Sql.query(c, "SELECT name, public_key, role FROM analyst_key ORDER BY name",
                TeamLocal::knownKey));
    }

    /** Other devices' entries held in the mirror, by device and sequence. */
    public List<SignedEntry> mirrored() {
        return db.read(c -> Sql.query(c, "SELECT * FROM team_entry ORDER BY device_id, sequence", TeamLocal::mirrored));
    }

    /** Count of other devices' entries held in the mirror. */
    public long mirroredCount() {
        return db.read(c -> Sql.count(c, "SELECT count(*) FROM team_entry"));
    }

    /**
     * Stores pulled entries (other devices' only) and applies them to the data, all in one transaction with the
     * new pull position, so an interrupted pull is simply repeated. An entry already held with another hash is a
     * forked or rewritten history: nothing is applied and the fork is named.
     */
    public Applied applyPulled(List<SignedEntry> pulled, long pulledThrough) {
        return db.inTransaction(c -> {
            int stored = 0;
            int had = 0;
            int applied = 0;
            int conflicts = 0;
            for (SignedEntry s : pulled) {
                AuditEntry e = s.entry();
                Optional<String> held = Sql.one(c, "SELECT hash FROM team_entry WHERE device_id = ? AND sequence = ?",
                        rs -> rs.getString(1), s.deviceId(), e.sequence());
                if (held.isPresent()) {
                    if (!held.get().equals(e.hash())) {
                        throw new ForkException("device " + s.deviceId() + " entry " + e.sequence()
                                + " differs from the copy pulled before: its history was forked or rewritten");
                    }
                    had++;
                    continue;
                }
                Sql.update(c, "INSERT INTO team_entry (device_id, sequence, project_seq, at, actor, action, entity_type,"
                        + " entity_id, before_json, after_json, reason, previous_hash, hash, key_fingerprint, signature)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.deviceId(), e.sequence(),
                        s.projectSeq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), e.before(),
                        e.after(), e.reason(), e.previousHash(), e.hash(), s.signature().keyFingerprint(),
                        s.signature().signature());
                stored++;
                int found = apply(c, s);
                if (found >= 0) {
                    applied++;
                    conflicts += found;
                }
            }
            Sql.update(c, "UPDATE team_link SET pulled_through = max(pulled_through, ?)", pulledThrough);
            return new Applied(stored, had, applied, conflicts);
        });
    }

    /** Ids of the incidents flagged by an open conflict. */
    public Set<String> conflictedIncidents() {
        return db.read(c -> new java.util.HashSet<>(Sql.query(c, "SELECT DISTINCT incident_id FROM team_conflict"
                + " WHERE resolved_by IS NULL", rs -> rs.getString(1))));
    }

    /** Open (unresolved) conflicts, or all of them. */
    public List<FieldConflict> conflicts(boolean includeResolved) {
        return db.read(c -> Sql.query(c, "SELECT * FROM team_conflict"
                + (includeResolved ? "" : " WHERE resolved_by IS NULL") + " ORDER BY id", TeamLocal::conflict));
    }

    /**
     * Resolves a conflict by keeping the local or the remote value; the resolution is a custody entry (an
     * update of the incident, or an entry stating the local value was kept).
     */
    public AuditEntry resolve(long conflictId, boolean takeRemote, String actor) {
        return db.inTransaction(c -> {
            FieldConflict k = Sql.one(c, "SELECT * FROM team_conflict WHERE id = ?", TeamLocal::conflict, conflictId)
                    .orElseThrow(() -> new BadInputException("unknown conflict id: " + conflictId));
            if (!k.open()) {
                throw new BadInputException("conflict " + conflictId + " is resolved already");
            }
            if (RecordConflicts.isRecordField(k.field())) {
                try {
                    AuditEntry entry = CONFLICTS.resolve(c, k, takeRemote, actor);
                    Sql.update(c, "UPDATE team_conflict SET resolved_by = ? WHERE id = ?", "entry " + entry.sequence(),
                            conflictId);
                    return entry;
                } catch (IOException e) {
                    throw new StoreException("conflict " + conflictId + " holds an unreadable value: " + e.getMessage(), e);
                }
            }
            Incident before = IncidentService.require(c, k.incidentId());
            Incident after = before;
            if (takeRemote && !k.field().startsWith("(")) {
                ObjectNode tree = Json.mapper().valueToTree(before);
                try {
                    tree.set(k.field(), read(k.remoteValue()));
                    after = RECORDS.treeToValue(tree, Incident.class);
                } catch (IOException e) {
                    throw new StoreException("conflict " + conflictId + " holds an unreadable value: " + e.getMessage(), e);
                }
                IncidentRepository.update(c, after);
                PulledRecords.followLocation(c, after.id());
                SearchIndex.reindex(c, after.id());
            }
            String reason = RESOLUTION + k.field() + " resolved: kept the " + (takeRemote ? "remote value by "
                    + k.remoteActor() : "local value") + " (other value: "
                    + (takeRemote ? k.localValue() : k.remoteValue()) + ")";
            AuditEntry entry = AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, IncidentService.ENTITY,
                    before.id(), before, after, reason));
            Sql.update(c, "UPDATE team_conflict SET resolved_by = ? WHERE id = ?", "entry " + entry.sequence(), conflictId);
            return entry;
        });
    }

    /**
     * Checks every signature: this device's signed entries and the mirrored entries of other devices, each by a
     * key the investigation knows; and each mirrored device chain (sequence, previous hash, content hash).
     */
    public SignatureCheck verifySignatures() {
        return db.read(c -> {
            Map<String, AnalystKey> keys = new HashMap<>();
            for (KnownKey k : knownKeysIn(c)) {
                keys.put(k.key().fingerprint(), k.key());
            }
            long signed = 0;
            long unsigned = 0;
            List<OwnEntry> own = Sql.query(c, "SELECT l.*, s.key_fingerprint, s.signature FROM audit_log l"
                    + " LEFT JOIN audit_signature s ON s.sequence = l.sequence ORDER BY l.sequence",
                    rs -> new OwnEntry(AuditLog.entry(rs), Optional.ofNullable(rs.getString("signature"))
                            .map(sig -> safeSignature(rs, sig))));
            for (OwnEntry o : own) {
                if (o.signature().isEmpty()) {
                    unsigned++;
                    continue;
                }
                Optional<String> problem = problem(keys, o.entry(), o.signature().get(), "entry");
                if (problem.isPresent()) {
                    return SignatureCheck.invalid(signed, unsigned, o.entry().sequence(), problem.get());
                }
                signed++;
            }
            Map<String, List<SignedEntry>> byDevice = new HashMap<>();
            for (SignedEntry s : Sql.query(c, "SELECT * FROM team_entry ORDER BY device_id, sequence", TeamLocal::mirrored)) {
                byDevice.computeIfAbsent(s.deviceId(), d -> new ArrayList<>()).add(s);
            }
            for (Map.Entry<String, List<SignedEntry>> device : byDevice.entrySet()) {
                List<SignedEntry> chain = device.getValue();
                Iterator<AuditEntry> entries = chain.stream().map(SignedEntry::entry).iterator();
                ChainCheck check = ChainVerifier.verify(entries, chain.size(), chain.get(chain.size() - 1).entry().hash());
                if (!check.isIntact()) {
                    return SignatureCheck.invalid(signed, unsigned, check.firstBadSequence().orElse(0L),
                            "device " + device.getKey() + ": " + check.problem());
                }
                for (SignedEntry s : chain) {
                    Optional<String> problem = problem(keys, s.entry(), s.signature(),
                            "device " + device.getKey() + " entry");
                    if (problem.isPresent()) {
                        return SignatureCheck.invalid(signed, unsigned, s.entry().sequence(), problem.get());
                    }
                    signed++;
                }
            }
            return SignatureCheck.valid(signed, unsigned);
        });
    }

    // ---- applying pulled entries -------------------------------------------------------------------------

    /**
     * Applies one entry to the local data; returns the conflicts found, or -1 when its type changes no data (case-file
     * exports and other custody-only entries).
     */
    private static int apply(Connection c, SignedEntry s) throws SQLException {
        AuditEntry e = s.entry();
        try {
            if (e.entityType().equals(IncidentService.ENTITY)) {
                return applyIncident(c, s);
            }
            if (CONFLICTS.applyResolution(c, s)) {
                return 0;
            }
            if (e.entityType().equals(TelemetryOrders.ENTITY)) {
                return TelemetryOrders.applyPulled(c, s);
            }
            if (PulledRecords.handles(e) || (e.entityType().equals("review") && e.action() == AuditAction.CREATE)) {
                return PULLED.apply(c, s.deviceId(), e);
            }
            if (e.entityType().equals("source") && e.action() == AuditAction.CREATE) {
                org.groundtruth.core.evidence.Source source = RECORDS.readValue(e.after(),
                        org.groundtruth.core.evidence.Source.class);
                if (EvidenceRepository.findSource(c, source.id()).isEmpty()) {
                    EvidenceRepository.insertSource(c, source);
                }
                return 0;
            }
            if (e.entityType().equals(EvidenceService.ENTITY) && e.action() == AuditAction.IMPORT) {
                org.groundtruth.core.evidence.EvidenceItem item = RECORDS.readValue(e.after(),
                        org.groundtruth.core.evidence.EvidenceItem.class);
                if (EvidenceRepository.find(c, item.id()).isEmpty()
                        && EvidenceRepository.findBySha256(c, item.sha256()).isEmpty()) {
                    EvidenceRepository.insert(c, item);
                }
                return 0;
            }
            if (e.entityType().equals(EvidenceService.ENTITY) && e.action() == AuditAction.LINK) {
                JsonNode link = read(e.after());
                String incidentId = link.path("incidentId").asText("");
                String evidenceId = link.path("evidenceId").asText("");
                if (IncidentRepository.find(c, incidentId).isPresent() && EvidenceRepository.find(c, evidenceId).isPresent()
                        && EvidenceRepository.link(c, incidentId, evidenceId)) {
                    SearchIndex.reindex(c, incidentId);
                }
                return 0;
            }
            return -1;
        } catch (IOException | IllegalArgumentException ex) {
            throw new BadInputException("device " + s.deviceId() + " entry " + e.sequence() + " has a state this"
                    + " version cannot read: " + ex.getMessage(), ex);
        }
    }

    private static int applyIncident(Connection c, SignedEntry s) throws SQLException, IOException {
        AuditEntry e = s.entry();
        JsonNode before = read(e.before());
        JsonNode after = read(e.after());
        Optional<Incident> local = IncidentRepository.find(c, e.entityId());
        if (after.isNull()) {
            if (local.isEmpty()) {
                return 0;
            }
            JsonNode mine = Json.mapper().valueToTree(local.get());
            if (mine.equals(before)) {
                IncidentRepository.delete(c, e.entityId());
                SearchIndex.reindex(c, e.entityId());
                return 0;
            }
            recordConflict(c, s, "(deleted)", mine.toString(), "null");
            return 1;
        }
        if (local.isEmpty()) {
            if (before.isNull() || Sql.count(c, "SELECT count(*) FROM audit_log WHERE entity_type = 'incident'"
                    + " AND entity_id = ? AND action = 'delete'", e.entityId()) == 0) {
                Incident created = RECORDS.treeToValue(after, Incident.class);
                IncidentRepository.insert(c, created);
                SearchIndex.reindex(c, created.id());
                CONFLICTS.afterIncidentCreated(c, e);
                return 0;
            }
            recordConflict(c, s, "(deleted)", "null", after.toString());
            return 1;
        }
        ObjectNode mine = Json.mapper().valueToTree(local.get());
        ObjectNode merged = mine.deepCopy();
        int conflicts = 0;
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        String resolved = e.reason().startsWith(RESOLUTION)
                ? e.reason().substring(RESOLUTION.length()).split(" ", 2)[0] : null;
        for (String field : fields) {
            if (field.equals(resolved)) {
                continue;
            }
            JsonNode was = before.isNull() ? null : before.get(field);
            JsonNode now = after.get(field);
            JsonNode here = mine.get(field);
            if (now.equals(was) || now.equals(here)) {
                continue;
            }
            if (here == null || (was != null && here.equals(was))) {
                merged.set(field, now);
            } else {
                recordConflict(c, s, field, String.valueOf(here), now.toString());
                conflicts++;
            }
        }
        if (resolved != null && after.has(resolved)) {
            JsonNode decided = after.get(resolved);
            if (Sql.count(c, "SELECT count(*) FROM team_conflict WHERE incident_id = ? AND field = ? AND resolved_by IS NULL",
                    e.entityId(), resolved) > 0) {
                merged.set(resolved, decided);
                Sql.update(c, "UPDATE team_conflict SET resolved_by = ? WHERE incident_id = ? AND field = ?"
                        + " AND resolved_by IS NULL", "device " + s.deviceId() + " entry " + e.sequence(),
                        e.entityId(), resolved);
            } else if (!decided.equals(merged.get(resolved))) {
                recordConflict(c, s, resolved, String.valueOf(merged.get(resolved)), decided.toString());
                conflicts++;
            }
        }
        if (!merged.equals(mine)) {
            Incident updated = RECORDS.treeToValue(merged, Incident.class);
            IncidentRepository.update(c, updated);
            PulledRecords.followLocation(c, updated.id());
            SearchIndex.reindex(c, updated.id());
        }
        return conflicts;
    }

    private static void recordConflict(Connection c, SignedEntry s, String field, String local, String remote)
            throws SQLException {
        Sql.update(c, "INSERT INTO team_conflict (incident_id, field, local_value, remote_value, remote_actor,"
                + " remote_device, remote_sequence, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", s.entry().entityId(),
                field, local, remote, s.entry().actor(), s.deviceId(), s.entry().sequence(), Instant.now());
    }

    private static JsonNode read(String json) throws IOException {
        return RECORDS.readTree(json);
    }

    private static Optional<String> problem(Map<String, AnalystKey> keys, AuditEntry entry, EntrySignature signature,
            String what) {
        AnalystKey key = keys.get(signature.keyFingerprint());
        if (key == null) {
            return Optional.of(what + " " + entry.sequence() + " is signed by key " + signature.keyFingerprint()
                    .substring(0, 16) + "…, which this investigation does not know");
        }
        if (!EntrySigner.verifyEntry(key.publicKey(), entry.hash(), signature)) {
            return Optional.of(what + " " + entry.sequence() + " has an invalid signature (claimed signer: "
                    + key.name() + ")");
        }
        return Optional.empty();
    }

    private static EntrySignature safeSignature(java.sql.ResultSet rs, String signature) {
        try {
            return new EntrySignature(rs.getString("key_fingerprint"), signature);
        } catch (SQLException e) {
            throw new StoreException("cannot read a signature: " + e.getMessage(), e);
        }
    }

    private static KnownKey knownKey(java.sql.ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        return new KnownKey(AnalystKey.fromPem(name, rs.getString(2)).orElseThrow(
                () -> new StoreException("the stored key of " + name + " is unreadable", null)), rs.getString(3));
    }

    private static List<KnownKey> knownKeysIn(Connection c) throws SQLException {
        List<KnownKey> keys = new ArrayList<>();
        for (String[] row : Sql.query(c, "SELECT name, public_key, role FROM analyst_key",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})) {
            AnalystKey.fromPem(row[0], row[1]).ifPresent(k -> keys.add(new KnownKey(k, row[2])));
        }
        return keys;
    }

    static SignedEntry mirrored(java.sql.ResultSet rs) throws SQLException {
        return new SignedEntry(rs.getString("device_id"), rs.getLong("project_seq"), AuditLog.entry(rs),
                new EntrySignature(rs.getString("key_fingerprint"), rs.getString("signature")));
    }

    private static FieldConflict conflict(java.sql.ResultSet rs) throws SQLException {
        return new FieldConflict(rs.getLong("id"), rs.getString("incident_id"), rs.getString("field"),
                rs.getString("local_value"), rs.getString("remote_value"), rs.getString("remote_actor"),
                rs.getString("remote_device"), rs.getLong("remote_sequence"), Sql.instant(rs, "detected_at"),
                Sql.optionalString(rs, "resolved_by"));
    }

    /** Pulled history that disagrees with what was pulled before. */
    public static final class ForkException extends StoreException {
        private static final long serialVersionUID = 1L;

        public ForkException(String message) {
            super(message, null);
        }
    }
}
