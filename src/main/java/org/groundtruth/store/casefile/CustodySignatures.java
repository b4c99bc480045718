package org.groundtruth.store.casefile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TeamLocal;

/**
 * Writes who signed the custody extract (issue 17): {@code custody-signatures.jsonl} (one line per signed entry of
 * {@code custody.jsonl}: sequence, key fingerprint, Ed25519 signature over the entry hash) and {@code analysts.json}
 * (the public key of everyone who signed one, with the name bound to it; a public version leaves names out).
 * Both are listed in the manifest, so the manifest signature covers them. docs/decisions/1707-signers-in-case-files.md.
 */
final class CustodySignatures {
    static final String SIGNATURES = "custody-signatures.jsonl";
    static final String ANALYSTS = "analysts.json";
    /** Other analysts' entries about the exported items, pulled from the team server, each with its signature. */
    static final String TEAM = "team-custody.jsonl";
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final int PAGE = 2000;

    private CustodySignatures() {
    }

    /** Adds both files for the custody entries about {@code ids}. */
    static void write(CaseZipWriter zip, Investigation inv, Set<String> ids, boolean redacted) throws IOException {
        Map<String, Integer> signers = new LinkedHashMap<>();
        zip.write(SIGNATURES, true, out -> writeSignatures(inv, ids, signers, out));
        List<org.groundtruth.core.identity.SignedEntry> team = inv.team().mirrored().stream()
                .filter(s -> ids.contains(s.entry().entityId())).toList();
        if (!team.isEmpty()) {
            zip.write(TEAM, true, out -> writeTeam(team, redacted, signers, out));
        }
        Map<String, TeamLocal.KnownKey> keys = new LinkedHashMap<>();
        inv.team().knownKeys().forEach(k -> keys.put(k.key().fingerprint(), k));
        inv.team().signer().ifPresent(s -> keys.putIfAbsent(s.identity().fingerprint(),
                new TeamLocal.KnownKey(s.identity(), "")));
        zip.write(ANALYSTS, true, out -> writeAnalysts(signers, keys, redacted, out));
    }

    private static void writeSignatures(Investigation inv, Set<String> ids, Map<String, Integer> signers,
            OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            long after = 0;
            while (true) {
                List<TeamLocal.OwnEntry> page = inv.team().ownEntriesAfter(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (TeamLocal.OwnEntry o : page) {
                    if (!ids.contains(o.entry().entityId()) || o.signature().isEmpty()) {
                        continue;
                    }
                    String fingerprint = o.signature().get().keyFingerprint();
                    signers.merge(fingerprint, 1, Integer::sum);
                    json.writeStartObject();
                    json.writeNumberField("sequence", o.entry().sequence());
                    json.writeStringField("hash", o.entry().hash());
                    json.writeStringField("key_fingerprint", fingerprint);
                    json.writeStringField("signature", o.signature().get().signature());
                    json.writeEndObject();
                    json.writeRaw('\n');
                }
                after = page.get(page.size() - 1).entry().sequence();
            }
        }
    }

    private static void writeTeam(List<org.groundtruth.core.identity.SignedEntry> team, boolean redacted,
            Map<String, Integer> signers, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            for (org.groundtruth.core.identity.SignedEntry s : team) {
                var e = s.entry();
                signers.merge(s.signature().keyFingerprint(), 1, Integer::sum);
                json.writeStartObject();
                json.writeStringField("device_id", s.deviceId());
                json.writeNumberField("sequence", e.sequence());
                json.writeStringField("at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(e.at()));
                json.writeStringField("action", e.action().code());
                json.writeStringField("entity_type", e.entityType());
                json.writeStringField("entity_id", e.entityId());
                if (redacted) {
                    json.writeBooleanField("redacted", true);
                } else {
                    json.writeStringField("actor", e.actor());
                    json.writeStringField("before", e.before());
                    json.writeStringField("after", e.after());
                    json.writeStringField("reason", e.reason());
                }
                json.writeStringField("previous_hash", e.previousHash());
                json.writeStringField("hash", e.hash());
                json.writeStringField("key_fingerprint", s.signature().keyFingerprint());
                json.writeStringField("signature", s.signature().signature());
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    private static void writeAnalysts(Map<String, Integer> signers, Map<String, TeamLocal.KnownKey> keys,
            boolean redacted, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("analysts");
            for (Map.Entry<String, Integer> s : signers.entrySet()) {
                TeamLocal.KnownKey known = keys.get(s.getKey());
                if (known == null) {
                    continue; // the verifier names the entry whose key is missing
                }
                AnalystKey key = known.key();
                json.writeStartObject();
                json.writeStringField("fingerprint", key.fingerprint());
                if (!redacted) {
                    json.writeStringField("name", key.name());
                    json.writeStringField("role", known.role() == null ? "" : known.role());
                }
                json.writeStringField("public_key", key.pem());
                json.writeNumberField("entries", s.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
