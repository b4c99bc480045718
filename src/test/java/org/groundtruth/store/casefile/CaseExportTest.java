package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.InterchangeFields;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.CustodyLog;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Export of the demo investigation (Cyrillic place names, PNG evidence, pins with camera views) plus a real JPEG. */
class CaseExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path IPHONE = Path.of("../shared/data/media/jpg/Apple iPhone 4.jpg");
    private static final String EXPORTER = "Тарас Шевченко (exporter)";

    @TempDir
    static Path tmp;
    static Investigation inv;
    static Path full;
    static String photoIncident;

    @BeforeAll
    static void exportDemo() throws Exception {
        inv = TestInvestigations.open(tmp.resolve("ws"));
        DemoInvestigation.populateIfEmpty(inv);
        Incident first = inv.incidents().list(IncidentQuery.ALL).get(0);
        photoIncident = first.id();
        inv.evidence().importFile(IPHONE, new ImportRequest(Optional.of(first.id()), Optional.empty(),
                Sensitivity.PUBLIC), EXPORTER, ProgressMonitor.NONE);
        full = tmp.resolve("full.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, full, EXPORTER, ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        inv.close();
    }

    @Test
    void aFreshExportVerifies() {
        CaseCheck check = new CaseVerifier().verify(full);
        assertThat(check.problems()).isEmpty();
        assertThat(check.signerFingerprint()).get().asString().hasSize(64);
        assertThat(check.manifest().orElseThrow().createdBy()).isEqualTo(EXPORTER);
        assertThat(check.manifest().orElseThrow().incidentCount()).isEqualTo(DemoInvestigation.incidentCount());
    }

    @Test
    void holdsEveryFileTheManifestLists() throws Exception {
        Map<String, byte[]> entries = CaseFiles.read(full);
        assertThat(entries).containsKeys(CaseFileLayout.MANIFEST, CaseFileLayout.SIGNATURE, CaseFileLayout.PUBLIC_KEY,
                CaseFileLayout.GEOJSON, CaseFileLayout.KML, CaseFileLayout.CSV, CaseFileLayout.CUSTODY,
                CaseFileLayout.RECORDS, CaseFileLayout.GEOPACKAGE, CaseFileLayout.REPORT_HTML);
        JsonNode manifest = JSON.readTree(entries.get(CaseFileLayout.MANIFEST));
        assertThat(manifest.get("files").size()).isEqualTo(entries.size() - 3);
        long evidenceFiles = entries.keySet().stream().filter(k -> k.startsWith("evidence/")).count();
        assertThat(evidenceFiles).isEqualTo(inv.evidence().all().size());
        assertThat(new String(entries.get(CaseFileLayout.PUBLIC_KEY), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void geoJsonHasOneFeaturePerIncidentWithSnakeCaseProperties() throws Exception {
        JsonNode geo = JSON.readTree(CaseFiles.read(full).get(CaseFileLayout.GEOJSON));
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features")).hasSize(DemoInvestigation.incidentCount());
        JsonNode feature = geo.get("features").get(0);
        Incident incident = inv.incidents().get(feature.get("id").asText());
        assertThat(feature.at("/geometry/coordinates/0").asDouble()).isEqualTo(incident.location().orElseThrow().lon());
        assertThat(feature.at("/geometry/coordinates/1").asDouble()).isEqualTo(incident.location().orElseThrow().lat());
        JsonNode props = feature.get("properties");
        assertThat(props.get("place_name").asText()).isEqualTo(incident.placeName());
        assertThat(props.get("target_type").asText()).isEqualTo(incident.targetType().code());
        assertThat(props.get("occurred_at").asText()).isEqualTo(incident.occurredAt().orElseThrow().toString());
        assertThat(props.has("lat")).isFalse();
        assertThat(geo.toString()).contains("Херсон");
    }

    @Test
    void csvHasTheDocumentedColumnsInUtf8() throws Exception {
        byte[] csv = CaseFiles.read(full).get(CaseFileLayout.CSV);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().build()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).isEqualTo(InterchangeFields.CSV_COLUMNS);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(DemoInvestigation.incidentCount());
            Set<String> places = rows.stream().map(r -> r.get("place_name")).collect(java.util.stream.Collectors.toSet());
            assertThat(places).anyMatch(p -> p.contains("Херсон"));
            CSVRecord verified = rows.stream().filter(r -> r.get("status").equals("verified")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(verified.get("lat"))).isBetween(44.0, 53.0);
            assertThat(verified.get("camera_bearing_deg")).isEqualTo("40");
        }
    }

    @Test
    void kmlHasStyledTimedPlacemarksAndCameraCones() throws Exception {
        Document kml = parse(CaseFiles.read(full).get(CaseFileLayout.KML));
        int placemarks = kml.getElementsByTagName("Placemark").getLength();
        int cones = kml.getElementsByTagName("Polygon").getLength();
        assertThat(cones).isPositive();
        assertThat(placemarks).isEqualTo(DemoInvestigation.incidentCount() + cones);
        assertThat(kml.getElementsByTagName("TimeStamp").getLength()).isEqualTo(DemoInvestigation.incidentCount());
        assertThat(kml.getElementsByTagName("Style").getLength()).isEqualTo(VerificationStatus.values().length + 1);
        assertThat(kml.getDocumentElement().getTextContent()).contains("Херсон");
    }

    @Test
    void geoPackageHoldsAPointLayerThatReadsBack() throws Exception {
        Path gpkg = tmp.resolve("incidents.gpkg");
        Files.write(gpkg, CaseFiles.read(full).get(CaseFileLayout.GEOPACKAGE));
        byte[] head = Arrays.copyOf(Files.readAllBytes(gpkg), 72);
        assertThat(new String(head, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        assertThat(new String(head, 68, 4, StandardCharsets.US_ASCII)).isEqualTo("GPKG");
        FeatureFile back = FeatureFileReader.read(gpkg, Optional.empty(), Optional.empty());
        assertThat(back.features()).hasSize(DemoInvestigation.incidentCount());
        Incident incident = inv.incidents().get(back.features().get(0).properties().get("id"));
        assertThat(back.features().get(0).position()).isEqualTo(incident.location().orElseThrow());
        assertThat(back.features().get(0).properties().get("place_name")).isEqualTo(incident.placeName());
    }

    @Test
    void custodyExtractCarriesItsHashChain() throws Exception {
        String custody = new String(CaseFiles.read(full).get(CaseFileLayout.CUSTODY), StandardCharsets.UTF_8);
        List<String> lines = custody.lines().toList();
        assertThat(lines).isNotEmpty();
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("previous_hash").asText()).isEqualTo("0".repeat(64));
        assertThat(first.get("actor").asText()).isNotBlank();
    }

    @Test
    void statusAndIncidentFiltersChooseIncidents() throws Exception {
        Path verified = tmp.resolve("verified.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(VerificationStatus.VERIFIED), List.of(), false,
                Optional.empty()), verified, EXPORTER, ProgressMonitor.NONE);
        long expected = inv.incidents().list(IncidentQuery.ALL).stream()
                .filter(i -> i.status() == VerificationStatus.VERIFIED).count();
        JsonNode geo = JSON.readTree(CaseFiles.read(verified).get(CaseFileLayout.GEOJSON));
        assertThat(geo.get("features")).hasSize((int) expected);
        assertThat(CaseFiles.read(verified).keySet()).noneMatch(k -> k.startsWith("evidence/"));
        assertThat(new CaseVerifier().verify(verified).problems()).isEmpty();

        Path one = tmp.resolve("one.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(photoIncident), true, Optional.empty()),
                one, EXPORTER, ProgressMonitor.NONE);
        JsonNode oneGeo = JSON.readTree(CaseFiles.read(one).get(CaseFileLayout.GEOJSON));
        assertThat(oneGeo.get("features")).hasSize(1);
        assertThat(oneGeo.at("/features/0/id").asText()).isEqualTo(photoIncident);
        assertThat(CaseFiles.read(one).keySet().stream().filter(k -> k.startsWith("evidence/")).count())
                .isEqualTo(inv.evidence().forIncident(photoIncident).size());
    }

    @Test
    void publicVersionIsSnappedStrippedAndAnonymous() throws Exception {
        Path pub = tmp.resolve("public.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(), true, Optional.of(new GridSnap(500))),
                pub, EXPORTER, ProgressMonitor.NONE);
        assertThat(new CaseVerifier().verify(pub).problems()).isEmpty();
        Map<String, byte[]> entries = CaseFiles.read(pub);
        assertThat(entries).doesNotContainKey(CaseFileLayout.RECORDS);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            assertThat(text).as(e.getKey()).doesNotContain("Kovalenko", "Lysenko", "Шевченко");
        }
        JsonNode geo = JSON.readTree(entries.get(CaseFileLayout.GEOJSON));
        for (JsonNode feature : geo.get("features")) {
            Incident incident = inv.incidents().get(feature.get("id").asText());
            double lat = feature.at("/geometry/coordinates/1").asDouble();
            double lon = feature.at("/geometry/coordinates/0").asDouble();
            var snapped = new GridSnap(500).snap(incident.location().orElseThrow());
            assertThat(lat).isEqualTo(snapped.lat());
            assertThat(lon).isEqualTo(snapped.lon());
            assertThat(feature.at("/properties/precision_m").asDouble()).isGreaterThanOrEqualTo(500);
            assertThat(feature.at("/properties/camera_lat").isNull()).isTrue();
        }
        EvidenceItem jpeg = inv.evidence().forIncident(photoIncident).stream()
                .filter(i -> i.mediaType().equals("image/jpeg")).findFirst().orElseThrow();
        byte[] published = entries.get(CaseExporter.evidencePath(jpeg));
        byte[] original = Files.readAllBytes(IPHONE);
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Exif\0\0");
        assertThat(new String(published, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0", "GPS");
        assertThat(published.length).isLessThan(original.length);
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(published)).getWidth()).isPositive();
        String custody = new String(entries.get(CaseFileLayout.CUSTODY), StandardCharsets.UTF_8);
        assertThat(custody.lines()).allMatch(l -> l.contains("\"redacted\":true"));
        assertThat(JSON.readTree(entries.get(CaseFileLayout.MANIFEST)).get("grid_m").asDouble()).isEqualTo(500);
    }

    @Test
    void theExportIsRecordedInTheWorkspaceCustodyLog() throws Exception {
        String manifestHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(CaseFiles.read(full).get(CaseFileLayout.MANIFEST)));
        List<AuditEntry> entries = inv.custody().history(CustodyLog.CASE_FILE, manifestHash);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(e.actor()).isEqualTo(EXPORTER);
            assertThat(e.reason()).contains(full.getFileName().toString());
            JsonNode state = JSON.readTree(e.after());
            assertThat(state.get("incidentIds").size()).isEqualTo(DemoInvestigation.incidentCount());
            assertThat(state.get("evidenceIds").size()).isEqualTo(inv.evidence().all().size());
            assertThat(state.get("publicVersion").asBoolean()).isFalse();
        });
        assertThat(inv.custody().verify().isIntact()).isTrue();
    }

    @Test
    void aCancelledExportLeavesNothing() throws Exception {
        long logged = inv.custody().size();
        Path target = tmp.resolve("cancelled").resolve("case.zip");
        ProgressMonitor cancel = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, target, EXPORTER, cancel))
                .isInstanceOf(CancellationException.class);
        try (var files = Files.list(target.getParent())) {
            assertThat(files).isEmpty();
        }
        assertThat(inv.custody().size()).isEqualTo(logged);
    }

    @Test
    void theSameAnalystSignsWithTheSameKey() throws Exception {
        Path again = tmp.resolve("again.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(), false, Optional.empty()), again, EXPORTER,
                ProgressMonitor.NONE);
        assertThat(new CaseVerifier().verify(again).signerFingerprint())
                .isEqualTo(new CaseVerifier().verify(full).signerFingerprint());
        Path other = tmp.resolve("other.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(), false, Optional.empty()), other,
                "Another analyst", ProgressMonitor.NONE);
        assertThat(new CaseVerifier().verify(other).signerFingerprint())
                .isNotEqualTo(new CaseVerifier().verify(full).signerFingerprint());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
