package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import org.groundtruth.core.Coded;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseManifest;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.core.casefile.CaseProblem.Kind;
import org.groundtruth.core.casefile.CustodyChainChecker;
import org.groundtruth.core.casefile.ManifestEntry;
import org.groundtruth.core.casefile.ManifestSignature;

/**
 * Checks a case file in one streaming pass: hashes every entry as it is inflated, keeps only the small files
 * (manifest, signature, key) and the per-file digests, then compares them with the manifest, checks the
 * Ed25519 signature and walks the custody extract. Memory stays flat however large the evidence is.
 */
public final class CaseVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BUFFER = 256 * 1024;
    /** A custody line longer than this is refused rather than buffered. */
    private static final int MAX_CUSTODY_LINE = 32 << 20;

    private final ZipLimits limits;

    public CaseVerifier(ZipLimits limits) {
        this.limits = limits;
    }

    public CaseVerifier() {
        this(ZipLimits.DEFAULT);
    }

    private record Digest(long size, String sha256) {
    }

    public CaseCheck verify(Path caseFile) {
        List<CaseProblem> problems = new ArrayList<>();
        Map<String, Digest> found = new HashMap<>();
        byte[][] small = new byte[3][];
        CustodyChainChecker custody = new CustodyChainChecker();
        RecordsAgainstCustody agreement = new RecordsAgainstCustody();
        long[] bytes = {0};
        // One buffer for every entry: a case file with many small files should not churn the heap.
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(caseFile);
                BoundedZipReader zip = new BoundedZipReader(in, limits)) {
            zip.forEach((name, content) -> {
                switch (name) {
                    case CaseFileLayout.MANIFEST -> small[0] = readSmall(name, content);
                    case CaseFileLayout.SIGNATURE -> small[1] = readSmall(name, content);
                    case CaseFileLayout.PUBLIC_KEY -> small[2] = readSmall(name, content);
                    default -> {
                        Digest digest = name.equals(CaseFileLayout.CUSTODY)
                                ? hashLines(content, buffer, (n, line) -> checkLine(n, line, custody, agreement))
                                : name.equals(CaseFileLayout.RECORDS)
                                ? hashLines(content, buffer, (n, line) -> {
                                    if (line == null || !new String(line, StandardCharsets.UTF_8).isBlank()) {
                                        agreement.recordLine(n, Optional.ofNullable(line));
                                    }
                                })
                                : name.equals(CustodySignatures.TEAM)
                                ? hashLines(content, buffer, (n, line) -> agreement.teamLine(Optional.ofNullable(line)))
                                : hash(content, buffer);
                        bytes[0] += digest.size();
                        found.put(name, digest);
                    }
                }
            }, (name, why) -> problems.add(new CaseProblem(Kind.REFUSED, name, why)));
        } catch (ZipBoundsException e) {
            problems.add(new CaseProblem(Kind.REFUSED, "", "reading stopped: " + e.getMessage()));
            return new CaseCheck(problems, found.size(), bytes[0], Optional.empty(), Optional.empty());
        } catch (NoSuchFileException e) {
            throw new org.groundtruth.core.BadInputException("no such case file: " + caseFile);
        } catch (ZipException | java.io.EOFException e) {
            problems.add(new CaseProblem(Kind.UNREADABLE, "", "not a readable ZIP archive: " + e.getMessage()));
            return new CaseCheck(problems, found.size(), bytes[0], Optional.empty(), Optional.empty());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read case file " + caseFile + ": " + e.getMessage(), e);
        }
        if (found.isEmpty() && small[0] == null && problems.isEmpty()) {
            problems.add(new CaseProblem(Kind.UNREADABLE, "", "not a ZIP archive, or an empty one"));
            return new CaseCheck(problems, 0, 0, Optional.empty(), Optional.empty());
        }
        Optional<CaseManifest> manifest = compare(small[0], found, problems);
        Optional<String> fingerprint = checkSignature(small[0], small[1], small[2], problems);
        for (String custodyProblem : custody.problems()) {
            problems.add(new CaseProblem(Kind.BROKEN_CHAIN, CaseFileLayout.CUSTODY, custodyProblem));
        }
        agreement.firstMismatch().ifPresent(mismatch ->
                problems.add(new CaseProblem(Kind.RECORD_MISMATCH, CaseFileLayout.RECORDS, mismatch)));
        return new CaseCheck(problems, found.size(), bytes[0], fingerprint, manifest);
    }

    private Optional<CaseManifest> compare(byte[] manifestBytes, Map<String, Digest> found, List<CaseProblem> problems) {
        if (manifestBytes == null) {
            problems.add(new CaseProblem(Kind.MISSING_MANIFEST, CaseFileLayout.MANIFEST, "the case file has no manifest"));
            return Optional.empty();
        }
        CaseManifest manifest;
        try {
            manifest = ManifestJson.read(manifestBytes);
        } catch (IllegalArgumentException e) {
            problems.add(new CaseProblem(Kind.BAD_MANIFEST, CaseFileLayout.MANIFEST, e.getMessage()));
            return Optional.empty();
        }
        if (!CaseFileLayout.FORMAT_NAME.equals(manifest.format()) || manifest.formatVersion() > CaseFileLayout.FORMAT_VERSION) {
            problems.add(new CaseProblem(Kind.BAD_MANIFEST, CaseFileLayout.MANIFEST, "format " + manifest.format()
                    + " version " + manifest.formatVersion() + " is not one this version of Groundtruth reads"));
        }
        for (ManifestEntry entry : manifest.files()) {
            Digest digest = found.get(entry.path());
            if (digest == null) {
                problems.add(new CaseProblem(Kind.MISSING, entry.path(), "listed in the manifest but not in the archive"));
            } else if (digest.size() != entry.sizeBytes()) {
                problems.add(new CaseProblem(Kind.CHANGED, entry.path(), "size " + digest.size() + " bytes, manifest says "
                        + entry.sizeBytes()));
            } else if (!digest.sha256().equals(entry.sha256())) {
                problems.add(new CaseProblem(Kind.CHANGED, entry.path(), "SHA-256 differs from the manifest"));
            }
        }
        found.keySet().stream().sorted().filter(path -> manifest.entry(path).isEmpty())
                .forEach(path -> problems.add(new CaseProblem(Kind.UNLISTED, path, "in the archive but not in the manifest")));
        return Optional.of(manifest);
    }

    private static Optional<String> checkSignature(byte[] manifest, byte[] signature, byte[] publicKey,
            List<CaseProblem> problems) {
        if (manifest == null) {
            return Optional.empty();
        }
        if (signature == null || publicKey == null) {
            problems.add(new CaseProblem(Kind.BAD_SIGNATURE, signature == null ? CaseFileLayout.SIGNATURE
                    : CaseFileLayout.PUBLIC_KEY, "missing: the manifest is not signed"));
            return Optional.empty();
        }
        Optional<PublicKey> key = ManifestSignature.fromPem(publicKey);
        if (key.isEmpty()) {
            problems.add(new CaseProblem(Kind.BAD_SIGNATURE, CaseFileLayout.PUBLIC_KEY, "not an Ed25519 public key"));
            return Optional.empty();
        }
        if (!ManifestSignature.verify(key.get(), manifest, signature)) {
            problems.add(new CaseProblem(Kind.BAD_SIGNATURE, CaseFileLayout.SIGNATURE,
                    "the signature does not match manifest.json and the signer's key"));
            return Optional.empty();
        }
        return Optional.of(ManifestSignature.fingerprint(key.get()));
    }

    private byte[] readSmall(String name, InputStream content) throws IOException {
        byte[] data = content.readNBytes(limits.maxSmallFileBytes() + 1);
        if (data.length > limits.maxSmallFileBytes()) {
            throw new ZipBoundsException(name + " is larger than " + limits.maxSmallFileBytes() + " bytes");
        }
        return data;
    }

    private static Digest hash(InputStream content, byte[] buffer) throws IOException {
        MessageDigest sha = CaseZipWriter.sha256();
        long size = 0;
        int n;
        while ((n = content.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
            size += n;
        }
        return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Receives each line of a JSON-lines entry; {@code line} is null when it was too long to buffer. */
    @FunctionalInterface
    private interface LineSink {
        void line(long number, byte[] line);
    }

    /** Hashes a JSON-lines entry (custody extract, records) and hands over its lines in the same pass. */
    private static Digest hashLines(InputStream content, byte[] buffer, LineSink chain) throws IOException {
        MessageDigest sha = CaseZipWriter.sha256();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long size = 0;
        long lineNumber = 0;
        boolean overlong = false;
        int n;
        while ((n = content.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
            size += n;
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    if (!overlong) {
                        line.write(buffer, start, i - start);
                    }
                    chain.line(++lineNumber, overlong ? null : line.toByteArray());
                    line.reset();
                    overlong = false;
                    start = i + 1;
                }
            }
            if (!overlong) {
                line.write(buffer, start, n - start);
                if (line.size() > MAX_CUSTODY_LINE) {
                    overlong = true;
                    line.reset();
                }
            }
        }
        if (overlong || line.size() > 0) {
            chain.line(++lineNumber, overlong ? null : line.toByteArray());
        }
        return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static void checkLine(long number, byte[] line, CustodyChainChecker chain, RecordsAgainstCustody agreement) {
        if (line == null) {
            chain.unreadable(number, "longer than " + MAX_CUSTODY_LINE + " bytes");
            return;
        }
        if (new String(line, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        try {
            JsonNode e = MAPPER.readTree(line);
            long sequence = e.path("sequence").asLong(0);
            if (e.path("redacted").asBoolean(false)) {
                chain.acceptRedacted(sequence, text(e, "previous_hash"), text(e, "hash"));
                return;
            }
            AuditEntry entry = new AuditEntry(sequence, Instant.parse(text(e, "at")), text(e, "actor"),
                    Coded.parse(AuditAction.class, text(e, "action"), "action"), text(e, "entity_type"),
                    text(e, "entity_id"), text(e, "before"), text(e, "after"), text(e, "reason"),
                    text(e, "previous_hash"), text(e, "hash"));
            chain.accept(entry);
            agreement.custody(entry);
        } catch (IOException | RuntimeException e) {
            chain.unreadable(number, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }
}
