package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.core.casefile.CaseProblem.Kind;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.EntrySigner;

/**
 * Checks who signed each custody entry of a case file (issue 17): every line of {@code custody-signatures.jsonl}
 * names an entry of {@code custody.jsonl} by sequence and hash and carries a valid Ed25519 signature by a key listed
 * in {@code analysts.json} (whose fingerprint is recomputed). Identity is the key, not the name: a review approval
 * of a signed proposal must be signed by a different key, so an analyst who renamed themselves cannot approve their
 * own work. Case files made before signatures existed have neither file: their entries are counted as unsigned.
 * Reads the ZIP with the same bounded streaming reader as {@link CaseVerifier}.
 */
public final class CaseSignatureCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One signer: the name the case file binds to the key (empty in a public version) and their entry count. */
    public record Signer(String name, String fingerprint, String role, int entries) {
    }

    /** The outcome; {@code problems} empty when every signature verifies and the review rule holds. */
    public record Result(boolean hasSignatures, int signedEntries, int unsignedEntries, List<Signer> signers,
            List<CaseProblem> problems) {
        public Result {
            signers = List.copyOf(signers);
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private record Custody(String device, long sequence, String at, String hash, String entityType, String action,
            String actor, Optional<JsonNode> after) {
        String key() {
            return device + ":" + sequence;
        }
    }

    private final ZipLimits limits;

    public CaseSignatureCheck(ZipLimits limits) {
        this.limits = limits;
    }

    public CaseSignatureCheck() {
        this(ZipLimits.DEFAULT);
    }

    /** {@code main} (the case file's own check) with the entry-signature problems of {@code entries} added. */
    public static org.groundtruth.core.casefile.CaseCheck combined(org.groundtruth.core.casefile.CaseCheck main,
            Result entries) {
        if (entries.problems().isEmpty()) {
            return main;
        }
        List<CaseProblem> all = new ArrayList<>(main.problems());
        all.addAll(entries.problems());
        return new org.groundtruth.core.casefile.CaseCheck(all, main.filesChecked(), main.bytesChecked(),
                main.signerFingerprint(), main.manifest());
    }

    /** Verifies the case file and its entry signatures together (the window's Open case file). */
    public static org.groundtruth.core.casefile.CaseCheck verifyAll(Path caseFile) {
        return combined(new CaseVerifier().verify(caseFile), new CaseSignatureCheck().check(caseFile));
    }

    public Result check(Path caseFile) {
        List<Custody> custody = new ArrayList<>();
        List<JsonNode> signatures = new ArrayList<>();
        List<JsonNode> team = new ArrayList<>();
        JsonNode[] analysts = new JsonNode[1];
        List<CaseProblem> problems = new ArrayList<>();
        try (InputStream in = Files.newInputStream(caseFile); BoundedZipReader zip = new BoundedZipReader(in, limits)) {
            zip.forEach((name, content) -> {
                switch (name) {
                    case CaseFileLayout.CUSTODY -> lines(content, line -> custody.add(custody(line)));
                    case CustodySignatures.SIGNATURES -> lines(content, signatures::add);
                    case CustodySignatures.TEAM -> lines(content, team::add);
                    case CustodySignatures.ANALYSTS -> analysts[0] = MAPPER.readTree(
                            content.readNBytes(limits.maxSmallFileBytes()));
                    default -> content.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }, (name, why) -> { });
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such case file: " + caseFile);
        } catch (IOException | RuntimeException e) {
            // The main verifier reports an unreadable archive; here it only means no signer can be shown.
            problems.add(new CaseProblem(Kind.UNREADABLE, CustodySignatures.SIGNATURES,
                    "the entry signatures cannot be read: " + e.getMessage()));
            return new Result(false, 0, custody.size(), List.of(), problems);
        }
        if (analysts[0] == null && signatures.isEmpty()) {
            return new Result(false, 0, custody.size(), List.of(), List.of());
        }
        Map<String, AnalystKey> keys = new HashMap<>();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        readKeys(analysts[0], keys, listed, problems);
        Map<Long, Custody> bySequence = new HashMap<>();
        custody.forEach(c -> bySequence.put(c.sequence(), c));
        Map<String, String> signedBy = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (JsonNode s : signatures) {
            long sequence = s.path("sequence").asLong(-1);
            String fingerprint = s.path("key_fingerprint").asText("");
            Custody entry = bySequence.get(sequence);
            if (entry == null || !entry.hash().equals(s.path("hash").asText(""))) {
                problems.add(problem("signature for entry " + sequence + " names no entry of " + CaseFileLayout.CUSTODY
                        + " with that hash"));
                continue;
            }
            AnalystKey key = keys.get(fingerprint);
            if (key == null) {
                problems.add(problem("entry " + sequence + " is signed by key " + abbreviated(fingerprint)
                        + ", which " + CustodySignatures.ANALYSTS + " does not list"));
                continue;
            }
            EntrySignature signature;
            try {
                signature = new EntrySignature(fingerprint, s.path("signature").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(problem("entry " + sequence + ": " + e.getMessage()));
                continue;
            }
            if (!EntrySigner.verifyEntry(key.publicKey(), entry.hash(), signature)) {
                problems.add(problem("entry " + sequence + " has an invalid signature (claimed signer: "
                        + displayName(listed.get(fingerprint), fingerprint) + ")"));
                continue;
            }
            signedBy.put(entry.key(), fingerprint);
            counts.merge(fingerprint, 1, Integer::sum);
        }
        List<Custody> all = new ArrayList<>(custody);
        checkTeam(team, keys, listed, all, signedBy, counts, problems);
        all.sort(java.util.Comparator.comparing((Custody c) -> instant(c.at())));
        checkReviews(all, signedBy, listed, problems);
        List<Signer> signers = new ArrayList<>();
        counts.forEach((fingerprint, n) -> signers.add(new Signer(listed.get(fingerprint).path("name").asText(""),
                fingerprint, listed.get(fingerprint).path("role").asText(""), n)));
        return new Result(true, signedBy.size(), all.size() - signedBy.size(), signers, problems);
    }

    /**
     * Other analysts' entries (team-custody.jsonl): each matches its own hash, consecutive entries of a device link,
     * and each carries a valid signature by a listed key.
     */
    private static void checkTeam(List<JsonNode> team, Map<String, AnalystKey> keys, Map<String, JsonNode> listed,
            List<Custody> all, Map<String, String> signedBy, Map<String, Integer> counts, List<CaseProblem> problems) {
        Custody previous = null;
        for (JsonNode line : team) {
            Custody c;
            try {
                c = custody(line);
            } catch (IOException | RuntimeException e) {
                problems.add(teamProblem("an entry cannot be read: " + e.getMessage()));
                continue;
            }
            String what = "device " + c.device() + " entry " + c.sequence();
            all.add(c);
            if (!line.path("redacted").asBoolean(false)) {
                try {
                    org.groundtruth.core.audit.AuditEntry e = new org.groundtruth.core.audit.AuditEntry(c.sequence(),
                            java.time.Instant.parse(c.at()), c.actor(), org.groundtruth.core.Coded.parse(
                                    org.groundtruth.core.audit.AuditAction.class, c.action(), "action"), c.entityType(),
                            line.path("entity_id").asText(""), line.path("before").asText(""),
                            line.path("after").asText(""), line.path("reason").asText(""),
                            line.path("previous_hash").asText(""), c.hash());
                    if (!e.expectedHash().equals(c.hash())) {
                        problems.add(teamProblem(what + " was altered: its content does not match its hash"));
                        continue;
                    }
                } catch (RuntimeException e) {
                    problems.add(teamProblem(what + " cannot be read: " + e.getMessage()));
                    continue;
                }
            }
            if (previous != null && previous.device().equals(c.device()) && previous.sequence() + 1 == c.sequence()
                    && !previous.hash().equals(line.path("previous_hash").asText(""))) {
                problems.add(teamProblem(what + " does not follow entry " + previous.sequence() + " of its device"));
            }
            previous = c;
            String fingerprint = line.path("key_fingerprint").asText("");
            AnalystKey key = keys.get(fingerprint);
            if (key == null) {
                problems.add(teamProblem(what + " is signed by key " + abbreviated(fingerprint) + ", which "
                        + CustodySignatures.ANALYSTS + " does not list"));
                continue;
            }
            boolean valid;
            try {
                valid = EntrySigner.verifyEntry(key.publicKey(), c.hash(),
                        new EntrySignature(fingerprint, line.path("signature").asText("")));
            } catch (IllegalArgumentException e) {
                valid = false;
            }
            if (!valid) {
                problems.add(teamProblem(what + " has an invalid signature (claimed signer: "
                        + displayName(listed.get(fingerprint), fingerprint) + ")"));
                continue;
            }
            signedBy.put(c.key(), fingerprint);
            counts.merge(fingerprint, 1, Integer::sum);
        }
    }

    private static java.time.Instant instant(String at) {
        try {
            return java.time.Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.EPOCH;
        }
    }

    private static CaseProblem teamProblem(String detail) {
        return new CaseProblem(Kind.BAD_SIGNATURE, CustodySignatures.TEAM, detail);
    }

    /**
     * Two people: an approval of a signed proposal must itself be signed, by another key. Names do not count —
     * the same key under another name is the same analyst.
     */
    private static void checkReviews(List<Custody> custody, Map<String, String> signedBy, Map<String, JsonNode> listed,
            List<CaseProblem> problems) {
        Map<String, Custody> proposals = new HashMap<>();
        for (Custody c : custody) {
            if (!c.entityType().equals("review") || !c.action().equals("create") || c.after().isEmpty()) {
                continue;
            }
            String incident = c.after().get().path("incidentId").asText("");
            String decision = c.after().get().path("decision").asText("");
            if (decision.equals("proposed")) {
                proposals.put(incident, c);
            } else if (decision.equals("approved") && proposals.containsKey(incident)) {
                Custody proposal = proposals.get(incident);
                String proposer = signedBy.get(proposal.key());
                if (proposer == null) {
                    continue;
                }
                String approver = signedBy.get(c.key());
                if (approver == null) {
                    problems.add(problem("approval entry " + c.sequence() + " (by " + c.actor() + ") is not signed, but"
                            + " the proposal it approves (entry " + proposal.sequence() + ") is: nothing shows a second"
                            + " analyst approved it"));
                } else if (approver.equals(proposer)) {
                    problems.add(problem("approval entry " + c.sequence() + " is signed by the key that signed proposal"
                            + " entry " + proposal.sequence() + " (" + displayName(listed.get(approver), approver)
                            + ", acting as " + c.actor() + "): an analyst approved their own work"));
                }
            }
        }
    }

    private static void readKeys(JsonNode analysts, Map<String, AnalystKey> keys, Map<String, JsonNode> listed,
            List<CaseProblem> problems) {
        if (analysts == null) {
            problems.add(new CaseProblem(Kind.BAD_SIGNATURE, CustodySignatures.ANALYSTS,
                    "missing: the entry signatures name no public keys"));
            return;
        }
        for (JsonNode a : analysts.path("analysts")) {
            String fingerprint = a.path("fingerprint").asText("");
            String name = a.path("name").asText("").isBlank() ? "analyst " + abbreviated(fingerprint)
                    : a.path("name").asText();
            Optional<AnalystKey> key = AnalystKey.fromPem(name, a.path("public_key").asText(""));
            if (key.isEmpty()) {
                problems.add(new CaseProblem(Kind.BAD_SIGNATURE, CustodySignatures.ANALYSTS,
                        "the key of " + name + " is not an Ed25519 public key"));
            } else if (!key.get().fingerprint().equals(fingerprint)) {
                problems.add(new CaseProblem(Kind.BAD_SIGNATURE, CustodySignatures.ANALYSTS,
                        "the key of " + name + " does not have the fingerprint it is listed under"));
            } else {
                keys.put(fingerprint, key.get());
                listed.put(fingerprint, a);
            }
        }
    }

    private static CaseProblem problem(String detail) {
        return new CaseProblem(Kind.BAD_SIGNATURE, CustodySignatures.SIGNATURES, detail);
    }

    private static String displayName(JsonNode analyst, String fingerprint) {
        String name = analyst == null ? "" : analyst.path("name").asText("");
        return name.isBlank() ? "key " + abbreviated(fingerprint) : name;
    }

    private static String abbreviated(String fingerprint) {
        return fingerprint.length() > 16 ? fingerprint.substring(0, 16) + "…" : fingerprint;
    }

    private interface LineHandler {
        void line(JsonNode line) throws IOException;
    }

    private static void lines(InputStream content, LineHandler handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                handler.line(MAPPER.readTree(line));
            }
        }
    }

    private static Custody custody(JsonNode e) throws IOException {
        Optional<JsonNode> after = e.hasNonNull("after") ? Optional.of(MAPPER.readTree(e.get("after").asText()))
                : Optional.empty();
        return new Custody(e.path("device_id").asText(""), e.path("sequence").asLong(-1), e.path("at").asText(""),
                e.path("hash").asText(""), e.path("entity_type").asText(""), e.path("action").asText(""),
                e.path("actor").asText(""), after);
    }
}
