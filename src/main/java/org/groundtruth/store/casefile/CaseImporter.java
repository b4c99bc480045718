package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.CheckFailedException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseManifest;
import org.groundtruth.core.casefile.ManifestEntry;
import org.groundtruth.core.casefile.TrustedSigner;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;

/**
 * Merges a case file into the workspace: verifies it first (a failing file is refused unless forced, and a
 * forced import says so in every custody entry it writes), then reads it a second time, streaming, within
 * the same bounds: records first, then each evidence original straight into the vault. Ids are kept (they are
 * random and global, so an incident already here is the same incident and is not duplicated); evidence gets
 * the receiving vault's item (by SHA-256), and pins and observations are re-pointed to it.
 */
public final class CaseImporter {
    private static final ObjectMapper RECORDS = JsonMapper.builder().addModule(new Jdk8Module())
            .addModule(new JavaTimeModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Investigation investigation;
    private final ZipLimits limits;

    public CaseImporter(Investigation investigation, ZipLimits limits) {
        this.investigation = investigation;
        this.limits = limits;
    }

    /**
     * What was merged; {@code check} is the verification that preceded it; {@code signer} the trusted signer (empty
     * for a --trust-once import); {@code statusesReset} how many incidents arrived as unverified instead of the status
     * the file gave them (untrusted signer, or "verified" without a second analyst's approving review in the file).
     */
    public record Result(CaseCheck check, boolean forced, int incidentsCreated, int incidentsAlreadyPresent,
            int evidenceImported, int pins, int observations, int sources, int corroborations,
            int skippedForMissingEvidence, Optional<TrustedSigner> signer, int statusesReset) {
    }

    /**
     * Thrown when the case file's signer is not trusted by this investigation (or the file has no valid signature)
     * and the import was not --trust-once; nothing was changed.
     */
    public static final class UntrustedSignerException extends CheckFailedException {
        private final transient Optional<String> fingerprint;

        UntrustedSignerException(Path caseFile, Optional<String> fingerprint) {
            super(fingerprint.map(fp -> caseFile + " is signed by key " + fp + ", which this investigation does not"
                    + " trust; nothing imported. Compare the fingerprint with the sender, then `groundtruth signers trust "
                    + fp + " --name NAME`, or import it once with --trust-once (its incidents arrive unverified)")
                    .orElse(caseFile + " has no valid signature, so its signer cannot be trusted; nothing imported"
                            + " (--force --trust-once imports it anyway, every incident unverified)"));
            this.fingerprint = fingerprint;
        }

        public Optional<String> fingerprint() {
            return fingerprint;
        }
    }

    /** Thrown when the case file fails verification and the import was not forced; nothing was changed. */
    public static final class RefusedException extends RuntimeException {
        private final transient CaseCheck check;

        RefusedException(CaseCheck check) {
            super("the case file failed verification (" + check.problems().size() + " problems); nothing imported");
            this.check = check;
        }

        public CaseCheck check() {
            return check;
        }
    }

    private record Bundle(Incident incident, List<GeolocationPin> pins, List<InsigniaObservation> observations,
            List<Chronolocation> chronolocations, List<Review> reviews, List<EvidenceRef> evidence,
            List<Corroboration> corroborations) {
    }

    private record EvidenceRef(EvidenceItem item, Optional<String> path, Optional<Source> source) {
    }

    /** As {@link #importCase(Path, boolean, boolean, String, ProgressMonitor)} without --trust-once. */
    public Result importCase(Path caseFile, boolean force, String analyst, ProgressMonitor progress) {
        return importCase(caseFile, force, false, analyst, progress);
    }

    /**
     * @param trustOnce import a file whose signer is not trusted; every incident it creates arrives unverified and
     *                  the custody entries name the untrusted key
     * @throws RefusedException when the file fails verification and {@code force} is false
     * @throws UntrustedSignerException when the signer is not trusted and {@code trustOnce} is false
     */
    public Result importCase(Path caseFile, boolean force, boolean trustOnce, String analyst, ProgressMonitor progress) {
        CaseCheck check = new CaseVerifier(limits).verify(caseFile);
        if (!check.isIntact() && !force) {
            throw new RefusedException(check);
        }
        CaseManifest manifest = check.manifest().orElseThrow(() -> new BadInputException(caseFile
                + ": no readable manifest, so there is nothing to import even with --force"));
        if (manifest.entry(CaseFileLayout.RECORDS).isEmpty()) {
            throw new BadInputException(caseFile + " has no " + CaseFileLayout.RECORDS + " (a public version?): "
                    + "import its incidents.geojson with import-features instead");
        }
        Optional<TrustedSigner> signer = check.signerFingerprint().flatMap(investigation.signers()::find);
        if (signer.isEmpty() && !trustOnce) {
            throw new UntrustedSignerException(caseFile, check.signerFingerprint());
        }
        String provenance = "imported from case file " + caseFile.getFileName() + " (says it was made by "
                + manifest.createdBy() + ", " + manifest.createdAt() + "); signer key "
                + check.signerFingerprint().orElse("none (no valid signature)")
                + signer.map(s -> " trusted" + (s.name().isEmpty() ? "" : " as " + s.name()))
                        .orElse(" NOT trusted: imported once (--trust-once), every incident unverified")
                + (check.isIntact() ? "" : "; FORCED despite " + check.problems().size() + " verification problems: "
                        + check.problems().get(0));

        List<Bundle> bundles = new ArrayList<>();
        Map<String, String> newEvidenceId = new HashMap<>();
        Map<String, EvidenceRef> byPath = new HashMap<>();
        Counts counts = new Counts();
        try (InputStream in = Files.newInputStream(caseFile); BoundedZipReader zip = new BoundedZipReader(in, limits)) {
            zip.forEach((name, content) -> {
                if (name.equals(CaseFileLayout.RECORDS)) {
                    readRecords(content, bundles, byPath);
                    createIncidents(bundles, provenance, signer.isPresent(), analyst, counts);
                } else if (name.startsWith(CaseFileLayout.EVIDENCE_DIR) && byPath.containsKey(name)) {
                    EvidenceRef ref = byPath.get(name);
                    long size = manifest.entry(name).map(ManifestEntry::sizeBytes).orElse(ref.item().sizeBytes());
                    EvidenceItem stored = investigation.evidence().importContent(content, size,
                            ref.item().originalName(), new ImportRequest(Optional.empty(), Optional.empty(),
                                    ref.item().sensitivity()), analyst, progress).item();
                    newEvidenceId.put(ref.item().id(), stored.id());
                    counts.evidence++;
                }
            }, (name, why) -> {
                // Already reported by the verification; a forced import simply leaves such entries out.
            });
        } catch (IOException e) {
            throw new BadInputException(caseFile + ": reading stopped: " + e.getMessage());
        }
        for (Bundle b : bundles) {
            linkAndAnnotate(b, newEvidenceId, provenance, analyst, counts);
        }
        return new Result(check, !check.isIntact(), counts.created, counts.present, counts.evidence, counts.pins,
                counts.observations, counts.sources, counts.corroborations, counts.skipped, signer, counts.reset);
    }

    /** Gives the received item its source post unless it already has one (imported before, or set here). */
    private void carrySource(String evidenceId, Source source, String provenance, String analyst, Counts counts) {
        EvidenceItem stored = investigation.evidence().find(evidenceId).orElseThrow();
        if (stored.sourceId().isPresent()) {
            return;
        }
        // Source ids are global; one already used here by another item gets a copy under a new id.
        Source copy = investigation.evidence().source(source.id()).isEmpty() ? source : new Source(
                Ids.next(Source.ID_PREFIX), source.platform(), source.account(), source.postUrl(), source.postId(),
                source.postedAt(), source.caption(), source.language(), source.translation());
        investigation.evidence().saveSource(evidenceId, copy, analyst, provenance);
        counts.sources++;
    }

    /** Links whose two items both arrived, re-pointed to the receiving vault's items; each link id once. */
    private void carryCorroborations(List<Corroboration> links, Map<String, String> newEvidenceId, String provenance,
            String analyst, Counts counts) {
        var records = investigation.verification();
        for (Corroboration link : links) {
            String a = newEvidenceId.get(link.evidenceA());
            String b = newEvidenceId.get(link.evidenceB());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            boolean present = records.corroborations(a).stream().anyMatch(have -> have.id().equals(link.id()));
            if (!present) {
                records.addCorroboration(new Corroboration(link.id(), a, b, link.relation(), link.note(), link.analyst(),
                        link.createdAt()), analyst, provenance);
                counts.corroborations++;
            }
        }
    }

    /** Running totals for the result. */
    private static final class Counts {
        int created;
        int present;
        int evidence;
        int pins;
        int observations;
        int sources;
        int corroborations;
        int skipped;
        int reset;
    }

    private static void readRecords(InputStream content, List<Bundle> bundles, Map<String, EvidenceRef> byPath)
            throws IOException {
        byte[] all = content.readAllBytes();
        int lineNumber = 0;
        for (String line : JsonErrors.utf8(all, CaseFileLayout.RECORDS).split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = RECORDS.readTree(line);
                List<EvidenceRef> evidence = new ArrayList<>();
                for (JsonNode e : node.path("evidence")) {
                    EvidenceItem item = RECORDS.treeToValue(e.get("item"), EvidenceItem.class);
                    Optional<String> path = e.hasNonNull("path") ? Optional.of(e.get("path").asText()) : Optional.empty();
                    Optional<Source> source = e.hasNonNull("source")
                            ? Optional.of(RECORDS.treeToValue(e.get("source"), Source.class)) : Optional.empty();
                    EvidenceRef ref = new EvidenceRef(item, path, source);
                    evidence.add(ref);
                    path.ifPresent(p -> byPath.put(p, ref));
                }
                bundles.add(new Bundle(RECORDS.treeToValue(node.get("incident"), Incident.class),
                        list(node, "pins", GeolocationPin.class), list(node, "observations", InsigniaObservation.class),
                        list(node, "chronolocations", Chronolocation.class), list(node, "reviews", Review.class),
                        evidence, list(node, "corroborations", Corroboration.class)));
            } catch (IOException | IllegalArgumentException | NullPointerException e) {
                throw new BadInputException(CaseFileLayout.RECORDS + " line " + lineNumber + " is not a valid record: "
                        + JsonErrors.oneLine(e));
            }
        }
    }

    private static <T> List<T> list(JsonNode node, String field, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            out.add(RECORDS.treeToValue(item, type));
        }
        return out;
    }

    private void createIncidents(List<Bundle> bundles, String provenance, boolean trusted, String analyst,
            Counts counts) {
        for (Bundle b : bundles) {
            if (investigation.incidents().find(b.incident().id()).isPresent()) {
                counts.present++;
                continue;
            }
            Incident incident = b.incident();
            String reason = provenance;
            VerificationStatus claimed = incident.status();
            if (claimed != VerificationStatus.UNVERIFIED && !trusted) {
                reason += "; status " + claimed.code() + " in the file, unverified here";
            } else if (claimed == VerificationStatus.VERIFIED && !approvedBySecondAnalyst(b.reviews())) {
                reason += "; status verified in the file without a second analyst's approving review, unverified here";
            }
            if (!reason.equals(provenance)) {
                incident = incident.toBuilder().status(VerificationStatus.UNVERIFIED).build();
                counts.reset++;
            }
            investigation.incidents().create(incident, analyst, reason);
            counts.created++;
        }
    }

    /** "verified" is earned by a review approved by someone other than the analyst who proposed it. */
    private static boolean approvedBySecondAnalyst(List<Review> reviews) {
        return reviews.stream().anyMatch(r -> r.decision() == ReviewDecision.APPROVED && r.reviewer().isPresent()
                && !r.reviewer().get().strip().equalsIgnoreCase(r.proposer().strip()));
    }

    private void linkAndAnnotate(Bundle b, Map<String, String> newEvidenceId, String provenance, String analyst,
            Counts counts) {
        String incidentId = b.incident().id();
        List<String> linked = investigation.evidence().forIncident(incidentId).stream().map(EvidenceItem::id).toList();
        for (EvidenceRef ref : b.evidence()) {
            String id = newEvidenceId.get(ref.item().id());
            if (id != null && !linked.contains(id)) {
                investigation.evidence().link(incidentId, id, analyst);
            }
            if (id != null && ref.source().isPresent()) {
                carrySource(id, ref.source().get(), provenance, analyst, counts);
            }
        }
        carryCorroborations(b.corroborations(), newEvidenceId, provenance, analyst, counts);
        var records = investigation.verification();
        List<String> havePins = records.pins(incidentId).stream().map(GeolocationPin::id).toList();
        for (GeolocationPin pin : b.pins()) {
            if (havePins.contains(pin.id())) {
                continue;
            }
            List<MatchedFeature> features = new ArrayList<>();
            for (MatchedFeature f : pin.matchedFeatures()) {
                Optional<FrameReference> frame = f.frame().flatMap(r -> Optional.ofNullable(newEvidenceId.get(r.evidenceId()))
                        .map(id -> new FrameReference(id, r.frameNumber())));
                features.add(new MatchedFeature(f.description(), frame, f.mapPoint()));
            }
            records.addPin(new GeolocationPin(pin.id(), incidentId, pin.target(), pin.precisionMeters(), pin.camera(),
                    pin.method(), features, pin.referenceLayer(), pin.referenceCaptureDate(), pin.analyst(),
                    pin.accepted(), pin.createdAt()), analyst, provenance);
            counts.pins++;
        }
        List<String> haveObservations = records.observations(incidentId).stream().map(InsigniaObservation::id).toList();
        for (InsigniaObservation o : b.observations()) {
            String evidence = newEvidenceId.get(o.evidenceId());
            if (haveObservations.contains(o.id())) {
                continue;
            }
            if (evidence == null) {
                counts.skipped++;
                continue;
            }
            records.addObservation(new InsigniaObservation(o.id(), incidentId, evidence, o.frameNumber(),
                    o.frameTimeSeconds(), o.box(), o.type(), o.otherText(), o.confidence(), o.note(), o.analyst(),
                    o.createdAt()), analyst, provenance);
            counts.observations++;
        }
        List<String> haveChecks = records.chronolocations(incidentId).stream().map(Chronolocation::id).toList();
        for (Chronolocation c : b.chronolocations()) {
            if (!haveChecks.contains(c.id())) {
                records.addChronolocation(c, analyst, provenance);
            }
        }
        List<String> haveReviews = records.reviews(incidentId).stream().map(Review::id).toList();
        for (Review r : b.reviews()) {
            if (!haveReviews.contains(r.id())) {
                records.addReview(r, analyst);
            }
        }
    }
}
