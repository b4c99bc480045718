package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Points from GDAL-written files, a Groundtruth round trip, and hostile XML and KMZ that change nothing. */
class FeatureImportTest {
    private static final Path FIXTURES = Path.of("../shared/data/fixtures");
    private static final Path HOSTILE = Path.of("src/test/resources/casefile");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"kml/gdal-kml__ua-populated-places.kml", "kml/gdal-libkml__ua-populated-places.kml",
        "kml/gdal-libkml__ua-populated-places.kmz", "geojson/gdal-rfc7946__ua-populated-places.geojson",
        "gpx/gdal-gpx__ua-populated-places.gpx", "csv/gdal-csv__ua-populated-places.csv",
        "gpkg/gdal-gpkg__ua-populated-places.gpkg"})
    void gdalFilesGiveTheFortyNineUkrainianPlaces(String fixture) {
        FeatureFile file = FeatureFileReader.read(FIXTURES.resolve(fixture), Optional.empty(), Optional.empty());
        assertThat(file.features()).hasSize(49);
        assertThat(file.features()).anySatisfy(f -> {
            assertThat(f.properties().values()).anyMatch(v -> v.contains("Kherson"));
            assertThat(f.position().lat()).isBetween(46.5, 46.8);
            assertThat(f.position().lon()).isBetween(32.4, 32.8);
        });
        assertThat(FeatureImporter.preview(FIXTURES.resolve(fixture), file))
                .anyMatch(m -> m.incident().title().contains("Kherson"));
    }

    @Test
    void linesAndPolygonsAreSkippedAndCounted() {
        FeatureFile polygon = FeatureFileReader.read(FIXTURES.resolve("geojson/npm-geojson-fixtures__polygon.geojson"),
                Optional.empty(), Optional.empty());
        assertThat(polygon.features()).isEmpty();
        assertThat(polygon.skipped()).isPositive();
        assertThat(polygon.skipReason()).contains("Polygon");
        FeatureFile pointZ = FeatureFileReader.read(FIXTURES.resolve("geojson/npm-geojson-fixtures__point-xyz.geojson"),
                Optional.empty(), Optional.empty());
        assertThat(pointZ.features()).hasSize(1);
    }

    @Test
    void csvColumnsAreDetectedOrGiven() throws Exception {
        FeatureFile detected = FeatureFileReader.read(HOSTILE.resolve("features-cyrillic.csv"), Optional.empty(),
                Optional.empty());
        assertThat(detected.features()).hasSize(2);
        assertThat(detected.features().get(0).properties()).containsEntry("Назва", "Пожежна машина, Херсон");
        Path custom = tmp.resolve("custom.csv");
        Files.writeString(custom, "where_n,where_e,title\n48.46,35.04,Дніпро\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FeatureFileReader.read(custom, Optional.empty(), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--lat COL --lon COL");
        FeatureFile given = FeatureFileReader.read(custom, Optional.of("where_n"), Optional.of("where_e"));
        assertThat(given.features().get(0).position().lat()).isEqualTo(48.46);
        assertThat(FeatureImporter.preview(custom, given).get(0).incident().title()).isEqualTo("Дніпро");
    }

    @Test
    void importCreatesIncidentsWithAcceptedPins() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            Path csv = HOSTILE.resolve("features-cyrillic.csv");
            FeatureFile file = FeatureFileReader.read(csv, Optional.empty(), Optional.empty());
            FeatureImporter.Result result = new FeatureImporter(inv, Clock.systemUTC()).importAll(csv, file, "Аналітик");
            assertThat(result.incidentIds()).hasSize(2);
            Incident first = inv.incidents().get(result.incidentIds().get(0));
            assertThat(first.description()).isEqualTo("Удар FPV-дроном; \"цитата\"");
            assertThat(first.targetType().code()).isEqualTo("fire_engine");
            assertThat(first.location().orElseThrow().lat()).isEqualTo(46.6354);
            assertThat(first.status()).isEqualTo(VerificationStatus.UNVERIFIED);
            List<GeolocationPin> pins = inv.verification().pins(first.id());
            assertThat(pins).singleElement().satisfies(p -> assertThat(p.accepted()).isTrue());
            assertThat(inv.custody().history("incident", first.id()).get(0).reason())
                    .contains("features-cyrillic.csv", "feature 1");
        }
    }

    @Test
    void aGroundtruthGeoJsonRoundTrips() throws Exception {
        Path geojson = tmp.resolve("incidents.geojson");
        List<Incident> originals;
        try (Investigation source = TestInvestigations.open(tmp.resolve("source"))) {
            DemoInvestigation.populateIfEmpty(source);
            originals = source.incidents().list(IncidentQuery.ALL);
            Path zip = tmp.resolve("case.zip");
            new CaseExporter(source, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "A", ProgressMonitor.NONE);
            Files.write(geojson, CaseFiles.read(zip).get(CaseFileLayout.GEOJSON));
        }
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            FeatureFile file = FeatureFileReader.read(geojson, Optional.empty(), Optional.empty());
            new FeatureImporter(target, Clock.systemUTC()).importAll(geojson, file, "B");
            Map<String, Incident> byTitle = target.incidents().list(IncidentQuery.ALL).stream()
                    .collect(java.util.stream.Collectors.toMap(Incident::title, i -> i));
            assertThat(byTitle).hasSize(originals.size());
            for (Incident original : originals) {
                Incident copy = byTitle.get(original.title());
                // Same fields except the new id and the status, which restarts in the receiving workspace.
                assertThat(copy.toBuilder().status(original.status()).build())
                        .usingRecursiveComparison().ignoringFields("id").isEqualTo(original);
            }
        }
    }

    @Test
    void xxeAndBillionLaughsAreRefusedAndChangeNothing() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            for (String hostile : List.of("xxe.kml", "billion-laughs.gpx")) {
                assertThatThrownBy(() -> FeatureFileReader.read(HOSTILE.resolve(hostile), Optional.empty(),
                        Optional.empty())).as(hostile).isInstanceOf(BadInputException.class)
                        .hasMessageContaining("DTD");
            }
            assertThat(inv.counts().incidents()).isZero();
        }
    }

    @Test
    void aKmzWithAnEscapingEntryIsRefused() throws Exception {
        Path kmz = tmp.resolve("slip.kmz");
        CaseFiles.write(kmz, new java.util.LinkedHashMap<>(Map.of("../../doc.kml",
                Files.readAllBytes(FIXTURES.resolve("kml/gdal-kml__ua-populated-places.kml")))));
        assertThatThrownBy(() -> FeatureFileReader.read(kmz, Optional.empty(), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("refused");
    }
}
