package org.groundtruth.store.casefile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Require;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.Version;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.casefile.CaseFileExport;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseManifest;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.ExportedIncident;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.VideoMetadataStripper;
import org.groundtruth.core.casefile.ManifestSignature;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.store.IntegrityCheck;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Json;
import org.groundtruth.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a signed case file: interchange files, the records and custody extract, the evidence originals, then
 * the manifest of all of them, its Ed25519 signature and the signer's public key. The ZIP is written to a
 * temporary file beside the target and renamed when complete, so a cancelled or failed export leaves nothing.
 * Media stream through in 64 KiB pieces: memory does not grow with the size of the evidence.
 */
public final class CaseExporter {
    /** Redacted name in public versions' manifest. */
    public static final String REDACTED = "redacted";

    private static final Logger LOG = LoggerFactory.getLogger(CaseExporter.class);
    private static final int COPY_BUFFER = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Investigation investigation;
    private final SigningKeys keys;
    private final Clock clock;
    private final ReportFigures figures;
    private final VideoMetadataStripper videos;

    /**
     * @param figures draw the report's maps and frames; the caller owns (and closes) them
     * @param videos strips videos for public versions; {@link VideoMetadataStripper#NONE} leaves them out
     */
    public CaseExporter(Investigation investigation, SigningKeys keys, Clock clock, ReportFigures figures,
            VideoMetadataStripper videos) {
        this.investigation = investigation;
        this.keys = keys;
        this.clock = clock;
        this.figures = Require.present(figures, "report figures");
        this.videos = Require.present(videos, "video metadata stripper");
    }

    public CaseExporter(Investigation investigation, ReportFigures figures, VideoMetadataStripper videos) {
        this(investigation, new SigningKeys(keyFolder(investigation)), Clock.systemUTC(), figures, videos);
    }

    /**
     * Where the analyst's signing key is kept: in the investigation, or, when it is read-only and holds no key for
     * the analyst, in the user's configuration directory (a read-only investigation can still be exported).
     */
    private static Path keyFolder(Investigation investigation) {
        return investigation.isReadOnly() ? org.groundtruth.store.WorkspaceLocator.configDirectory()
                : investigation.directory();
    }

    /** An exporter whose public versions carry photos but no videos. */
    public CaseExporter(Investigation investigation, ReportFigures figures) {
        this(investigation, figures, VideoMetadataStripper.NONE);
    }

    /** What was written. */
    public record Summary(Path file, int incidents, int evidenceFiles, long bytes, String signerFingerprint) {
    }

    /** One evidence original and where it goes in the ZIP; {@code strip}: metadata removed (public version). */
    private record EvidenceFile(EvidenceItem item, String path, boolean strip) {
    }

    public Summary export(ExportOptions options, Path target, String analyst, ProgressMonitor progress) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            throw new BadInputException("export target " + out + " is a folder; give a file name such as case.zip");
        }
        // Never sign data the custody log does not vouch for (edited around the program, or a broken chain).
        IntegrityCheck.requireIntact(investigation, "export");
        List<Incident> incidents = select(options);
        Map<String, EvidenceFile> evidence = new LinkedHashMap<>();
        List<ExportedIncident> rows = new ArrayList<>(incidents.size());
        for (Incident incident : incidents) {
            rows.add(prepare(incident, options, evidence));
        }
        long totalBytes = evidence.values().stream().mapToLong(e -> e.item().sizeBytes()).sum();
        KeyPair pair = keys.forAnalyst(analyst);
        Instant createdAt = clock.instant();
        String createdBy = options.isPublic() ? REDACTED : analyst;
        Path temp = null;
        byte[] manifestBytes;
        try {
            Files.createDirectories(out.getParent());
            temp = Files.createTempFile(out.getParent(), ".export-", ".zip.part");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), COPY_BUFFER);
                    CaseZipWriter zip = new CaseZipWriter(file)) {
                zip.write(CaseFileLayout.GEOJSON, true, o -> GeoJsonWriter.write(rows, o));
                zip.write(CaseFileLayout.KML, true, o -> KmlWriter.write(rows, "Groundtruth case file", o));
                zip.write(CaseFileLayout.CSV, true, o -> CsvWriter.write(rows, o));
                writeGeoPackage(zip, rows, out.getParent());
                Map<String, String> paths = new LinkedHashMap<>();
                if (options.includeMedia()) {
                    evidence.values().forEach(ev -> paths.put(ev.item().id(), ev.path()));
                }
                writeReports(zip, new HtmlReportWriter(investigation, options, paths, figures), rows, createdAt,
                        createdBy, out.getParent());
                if (!options.isPublic()) {
                    zip.write(CaseFileLayout.RECORDS, true, o -> writeRecords(incidents, evidence, o));
                }
                Set<String> custodyIds = custodyIds(incidents, evidence, options.isPublic());
                zip.write(CaseFileLayout.CUSTODY, true, o -> writeCustody(custodyIds, options.isPublic(), o));
                CustodySignatures.write(zip, investigation, custodyIds, options.isPublic());
                long done = 0;
                if (options.includeMedia()) {
                    for (EvidenceFile ev : evidence.values()) {
                        done = ev.strip() && !PhotoMetadataStripper.canStrip(ev.item().mediaType())
                                ? copyStrippedVideo(zip, ev, done, totalBytes, progress, out.getParent())
                                : copyEvidence(zip, ev, done, totalBytes, progress);
                    }
                }
                CaseManifest manifest = new CaseManifest(CaseFileLayout.FORMAT_NAME, CaseFileLayout.FORMAT_VERSION,
                        Version.current(), createdBy, createdAt,
                        options.isPublic(), options.publicGrid().map(GridSnap::cellMeters), rows.size(),
                        zip.entries());
                manifestBytes = ManifestJson.write(manifest);
                zip.writeUnlisted(CaseFileLayout.MANIFEST, manifestBytes);
                zip.writeUnlisted(CaseFileLayout.SIGNATURE, ManifestSignature.sign(pair.getPrivate(), manifestBytes));
                zip.writeUnlisted(CaseFileLayout.PUBLIC_KEY, ManifestSignature.toPem(pair.getPublic()));
            }
            move(temp, out);
            temp = null;
            int files = options.includeMedia() ? evidence.size() : 0;
            String fingerprint = ManifestSignature.fingerprint(pair.getPublic());
            long bytes = Files.size(out);
            // Logged after the rename: the log names only case files that exist, complete. A read-only
            // investigation cannot record it (the command says so).
            if (investigation.isReadOnly()) {
                LOG.info("export to {} not recorded in the custody log: the investigation is read-only", out);
            } else {
                investigation.custody().recordExport(new CaseFileExport(out.toString(), sha256Hex(manifestBytes),
                        fingerprint, options.isPublic(), incidents.stream().map(Incident::id).toList(),
                        options.includeMedia() ? List.copyOf(evidence.keySet()) : List.of(), bytes), analyst);
            }
            LOG.info("exported {} incidents and {} evidence files to {}", rows.size(), files, out);
            return new Summary(out, rows.size(), files, bytes, fingerprint);
        } catch (IOException e) {
            throw new StoreException("cannot write case file " + out + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("cannot remove the unfinished export {}", temp, e);
                }
            }
        }
    }

    private List<Incident> select(ExportOptions options) {
        List<Incident> chosen;
        if (options.incidentIds().isEmpty()) {
            chosen = investigation.incidents().list(new IncidentQuery(Optional.empty(), options.statuses(),
                    Optional.empty(), Optional.empty()));
        } else {
            chosen = new ArrayList<>();
            for (String id : new java.util.LinkedHashSet<>(options.incidentIds())) {
                Incident incident = investigation.incidents().get(id);
                if (options.statuses().isEmpty() || options.statuses().contains(incident.status())) {
                    chosen.add(incident);
                }
            }
        }
        if (options.isPublic()) {
            // A public version carries only what was marked public: sensitive and restricted incidents stay home.
            chosen = chosen.stream().filter(i -> i.sensitivity() == Sensitivity.PUBLIC).toList();
        }
        return chosen;
    }

    private ExportedIncident prepare(Incident incident, ExportOptions options, Map<String, EvidenceFile> evidence) {
        Optional<GeolocationPin> pin = investigation.verification().pins(incident.id()).stream()
                .filter(GeolocationPin::accepted).findFirst();
        int count = 0;
        for (EvidenceItem item : investigation.evidence().forIncident(incident.id())) {
            boolean publishable = item.sensitivity() == Sensitivity.PUBLIC
                    && (PhotoMetadataStripper.canStrip(item.mediaType()) || videos.canStrip(item.mediaType()));
            if (options.isPublic() && !publishable) {
                continue;
            }
            evidence.computeIfAbsent(item.id(), id -> new EvidenceFile(item, evidencePath(item), options.isPublic()));
            count++;
        }
        if (options.publicGrid().isPresent()) {
            GridSnap grid = options.publicGrid().get();
            double precision = Math.max(grid.cellMeters(), pin.map(GeolocationPin::precisionMeters).orElse(0.0));
            return new ExportedIncident(incident, incident.location().map(grid::snap),
                    incident.location().map(l -> precision), Optional.empty(), count);
        }
        return new ExportedIncident(incident, incident.location(), pin.map(GeolocationPin::precisionMeters),
                pin.flatMap(GeolocationPin::camera), count);
    }

    /** {@code evidence/<id>_<original name>}, the name reduced to letters, digits, dot, dash and underscore. */
    static String evidencePath(EvidenceItem item) {
        String name = item.originalName().replaceAll("[^\\p{L}\\p{N}._-]+", "_").replaceAll("^[._]+", "");
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return CaseFileLayout.EVIDENCE_DIR + item.id() + (name.isEmpty() ? "" : "_" + name);
    }

    private long copyEvidence(CaseZipWriter zip, EvidenceFile ev, long done, long total, ProgressMonitor progress)
            throws IOException {
        Path original = investigation.evidence().originalPath(ev.item());
        MessageDigest sha = CaseZipWriter.sha256();
        long[] copied = {done};
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(original), sha)) {
            zip.write(ev.path(), false, o -> {
                if (ev.strip()) {
                    PhotoMetadataStripper.strip(ev.item().mediaType(), in, o);
                    in.transferTo(OutputStream.nullOutputStream());
                    return;
                }
                byte[] buffer = new byte[COPY_BUFFER];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (progress.isCancelled()) {
                        throw new CancellationException("export cancelled");
                    }
                    o.write(buffer, 0, n);
                    copied[0] += n;
                    progress.progress(copied[0], total);
                }
            });
        }
        requireUnchanged(ev.item(), HexFormat.of().formatHex(sha.digest()));
        if (progress.isCancelled()) {
            throw new CancellationException("export cancelled");
        }
        long after = done + ev.item().sizeBytes();
        progress.progress(after, total);
        return after;
    }

    /**
     * A public video: the original is hashed (the vault must still match), remuxed without metadata into a
     * temporary file beside the export, and that copy goes into the ZIP.
     */
    private long copyStrippedVideo(CaseZipWriter zip, EvidenceFile ev, long done, long total, ProgressMonitor progress,
            Path folder) throws IOException {
        Path original = investigation.evidence().originalPath(ev.item());
        requireUnchanged(ev.item(), sha256Of(original));
        Path stripped = Files.createTempFile(folder, ".export-", ".video");
        try {
            try {
                videos.strip(original, ev.item().mediaType(), stripped, progress);
            } catch (IOException e) {
                throw new StoreException("cannot make a public copy of " + ev.item().id() + " ("
                        + ev.item().originalName() + "): " + e.getMessage() + "; mark it sensitive to leave it out", e);
            }
            zip.write(ev.path(), false, o -> Files.copy(stripped, o));
        } finally {
            Files.deleteIfExists(stripped);
        }
        if (progress.isCancelled()) {
            throw new CancellationException("export cancelled");
        }
        long after = done + ev.item().sizeBytes();
        progress.progress(after, total);
        return after;
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest sha = CaseZipWriter.sha256();
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The vault is read-only after import; a mismatch means the disk or someone changed an original. */
    private static void requireUnchanged(EvidenceItem item, String sha256Hex) {
        if (!sha256Hex.equals(item.sha256().hex())) {
            throw new StoreException("the vault copy of " + item.id() + " (" + item.originalName()
                    + ") no longer matches its SHA-256; run the integrity check before exporting", null);
        }
    }

    private Set<String> custodyIds(List<Incident> incidents, Map<String, EvidenceFile> evidence, boolean publicVersion) {
        Set<String> ids = new HashSet<>(evidence.keySet());
        for (Incident incident : incidents) {
            ids.add(incident.id());
            if (!publicVersion) {
                var records = investigation.verification();
                records.pins(incident.id()).forEach(p -> ids.add(p.id()));
                records.observations(incident.id()).forEach(o -> ids.add(o.id()));
                records.chronolocations(incident.id()).forEach(c -> ids.add(c.id()));
                records.reviews(incident.id()).forEach(r -> ids.add(r.id()));
                List<EvidenceItem> linked = investigation.evidence().forIncident(incident.id());
                linked.forEach(item -> item.sourceId().ifPresent(ids::add));
                corroborationsAmong(linked).forEach(link -> ids.add(link.id()));
            }
        }
        return ids;
    }

    /**
     * The custody entries about the exported items, one JSON object per line with snake_case keys. A public
     * version keeps only sequence, time, action, entity and the two hashes: the entries' states hold exact
     * positions and analyst names.
     */
    private void writeCustody(Set<String> ids, boolean redacted, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            for (AuditEntry e : investigation.custody().all()) {
                if (!ids.contains(e.entityId())) {
                    continue;
                }
                json.writeStartObject();
                json.writeNumberField("sequence", e.sequence());
                json.writeStringField("at", DateTimeFormatter.ISO_INSTANT.format(e.at()));
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
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    /** Full records for {@code import-case}: one line per incident with its pins, observations and evidence. */
    private void writeRecords(List<Incident> incidents, Map<String, EvidenceFile> evidence, OutputStream out)
            throws IOException {
        var records = investigation.verification();
        for (Incident incident : incidents) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("incident", incident);
            line.put("pins", records.pins(incident.id()));
            line.put("observations", records.observations(incident.id()));
            line.put("chronolocations", records.chronolocations(incident.id()));
            line.put("reviews", records.reviews(incident.id()));
            List<Map<String, Object>> items = new ArrayList<>();
            List<EvidenceItem> linked = investigation.evidence().forIncident(incident.id());
            for (EvidenceItem item : linked) {
                EvidenceFile file = evidence.get(item.id());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("item", item);
                entry.put("path", file == null ? null : file.path());
                entry.put("source", item.sourceId().flatMap(investigation.evidence()::source).orElse(null));
                items.add(entry);
            }
            line.put("evidence", items);
            line.put("corroborations", corroborationsAmong(linked));
            out.write(Json.write(line).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    /** Links between two items of the same incident, each once. */
    private List<Corroboration> corroborationsAmong(List<EvidenceItem> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.id()));
        Map<String, Corroboration> links = new LinkedHashMap<>();
        for (EvidenceItem item : items) {
            for (Corroboration link : investigation.verification().corroborations(item.id())) {
                if (ids.contains(link.evidenceA()) && ids.contains(link.evidenceB())) {
                    links.putIfAbsent(link.id(), link);
                }
            }
        }
        return List.copyOf(links.values());
    }

    /** The HTML goes to a temp file first: the PDF is rendered from it, and both are copied into the ZIP. */
    private static void writeReports(CaseZipWriter zip, HtmlReportWriter report, List<ExportedIncident> rows,
            Instant createdAt, String createdBy, Path folder) throws IOException {
        Path html = Files.createTempFile(folder, ".export-", ".html");
        try {
            try (OutputStream o = Files.newOutputStream(html)) {
                report.write(rows, createdAt, createdBy, o);
            }
            zip.write(CaseFileLayout.REPORT_HTML, true, o -> Files.copy(html, o));
            zip.write(CaseFileLayout.REPORT_PDF, true, o -> PdfReportWriter.render(html, o));
        } finally {
            Files.deleteIfExists(html);
        }
    }

    /** SQLite writes only to a real file: build the GeoPackage beside the export, copy it in, delete it. */
    private static void writeGeoPackage(CaseZipWriter zip, List<ExportedIncident> rows, Path folder) throws IOException {
        Path gpkg = Files.createTempFile(folder, ".export-", ".gpkg");
        try {
            Files.delete(gpkg);
            GeoPackageWriter.write(rows, gpkg);
            zip.write(CaseFileLayout.GEOPACKAGE, true, o -> Files.copy(gpkg, o));
        } finally {
            Files.deleteIfExists(gpkg);
            Files.deleteIfExists(gpkg.resolveSibling(gpkg.getFileName() + "-journal"));
        }
    }

    private static String sha256Hex(byte[] bytes) {
        MessageDigest sha = CaseZipWriter.sha256();
        return HexFormat.of().formatHex(sha.digest(bytes));
    }

    private static void move(Path temp, Path out) throws IOException {
        try {
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
