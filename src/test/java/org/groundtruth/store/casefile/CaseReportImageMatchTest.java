package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.FrameFigures;
import org.groundtruth.core.casefile.MapFigures;
import org.groundtruth.core.casefile.MatchFigureRequest;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchConfidence;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.report.MatchOverlays;
import org.groundtruth.media.EvidenceFrameFigures;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.SavedLayers;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An accepted image-match pin in the report: the frame's outline and matched points drawn over the reference imagery
 * found among the investigation's map layers (or on a plain ground, said so, when the file is gone), the matched
 * points numbered on the frame in the keyframes, nothing of it in a public version.
 */
class CaseReportImageMatchTest {
    private static final Path BRIGHTON = Path.of("..", "shared", "data", "aerial", "brighton-beach");
    private static final Path REFERENCE = BRIGHTON.resolve("ortho-from-model-0.15m-epsg32615.tif");
    private static final LatLon TRUTH = new LatLon(46.842690, -91.993954);
    private static final Pattern IMG = Pattern.compile(
            "<img (?:class=\"map\" )?src=\"data:image/(?:png|jpeg);base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]*)\"");

    @TempDir
    Path tmp;

    private record Seeded(Investigation inv, EvidenceItem photo, GeolocationPin pin) {
    }

    private Seeded seed(boolean layerFileKnown) {
        Investigation inv = TestInvestigations.open(tmp.resolve("ws"));
        Incident incident = inv.incidents().create(Incident.titled("Удар по пожежній машині"), "A", "");
        EvidenceItem photo = inv.evidence().importFile(BRIGHTON.resolve("images/DJI_0026.JPG"),
                new ImportRequest(Optional.of(incident.id()), Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC),
                "A", ProgressMonitor.NONE).item();
        // the frame (4000 × 2250) lies over ~40 × 22 m around the truth, turned
        double dLat = 11 / 111_320.0;
        double dLon = 20 / (111_320.0 * Math.cos(Math.toRadians(TRUTH.lat())));
        List<LatLon> footprint = List.of(new LatLon(TRUTH.lat() + dLat, TRUTH.lon() - dLon),
                new LatLon(TRUTH.lat() + dLat * 1.4, TRUTH.lon() + dLon), new LatLon(TRUTH.lat() - dLat, TRUTH.lon() + dLon),
                new LatLon(TRUTH.lat() - dLat * 1.4, TRUTH.lon() - dLon));
        List<MatchedPoint> points = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            double fx = 200 + 120 * k;
            double fy = 300 + 50 * k;
            points.add(new MatchedPoint(fx, fy, new LatLon(TRUTH.lat() + dLat * (1 - 2 * fy / 2250),
                    TRUTH.lon() - dLon + 2 * dLon * fx / 4000)));
        }
        MatchCandidate candidate = new MatchCandidate(TRUTH, footprint, 91, 0.47, 0.11, 154.7, MatchConfidence.STRONG, 0.2,
                19, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 4000, 2250, points, 1);
        GeolocationPin pin = inv.imageMatches().accept(incident.id(), new FrameReference(photo.id(), 0), candidate,
                REFERENCE.getFileName().toString(), "A");
        inv.verification().acceptPin(pin.id(), "Б", "checked the overlay");
        SavedLayers.write(inv.directory(), List.of(new SavedLayers.Layer(SavedLayers.Kind.FILE,
                (layerFileKnown ? REFERENCE : tmp.resolve("moved-away.tif")).toAbsolutePath().toString(), true, 1)));
        return new Seeded(inv, photo, pin);
    }

    private String report(Investigation inv, ExportOptions options, ReportFigures figures, String name) throws Exception {
        Path zip = tmp.resolve(name);
        try (figures) {
            new CaseExporter(inv, figures).export(options, zip, "A", ProgressMonitor.NONE);
        }
        Map<String, byte[]> entries = CaseFiles.read(zip);
        return new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
    }

    private static Map<String, BufferedImage> images(String html) throws Exception {
        Map<String, BufferedImage> found = new java.util.LinkedHashMap<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            found.put(m.group(4), ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(1)))));
        }
        return found;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                seen.add(image.getRGB(x, y) & 0xF0F0F0);
            }
        }
        return seen.size();
    }

    @Test
    void theOutlineIsDrawnOverTheReferenceImageryAndThePointsAreNumberedOnTheFrame() throws Exception {
        Seeded s = seed(true);
        try (Investigation inv = s.inv()) {
            assertThat(s.pin().matchedFeatures()).filteredOn(f -> f.description().startsWith("image-match frame corner"))
                    .hasSize(4);
            String html = report(inv, ExportOptions.EVERYTHING.withLanguage(Locale.ENGLISH),
                    new ReportFigures(MapFigures.NONE, new EvidenceFrameFigures(), new MatchOverlays()), "full.zip");
            Files.writeString(Path.of("target/report-image-match-test.html"), html);
            assertThat(html).contains("<h3>Image match</h3>").contains("over ortho-from-model-0.15m-epsg32615.tif")
                    .contains("12 matched features").contains("image match: 91 inliers");
            Map<String, BufferedImage> images = images(html);
            BufferedImage overlay = images.get("The frame&#39;s outline over the reference imagery");
            assertThat(overlay).isNotNull();
            assertThat(overlay.getWidth()).isEqualTo(560);
            // the reference's park: many colours, not a plain ground
            assertThat(colours(overlay)).isGreaterThan(200);
            BufferedImage frame = images.get(s.photo().id());
            assertThat(frame).isNotNull();
            assertThat(html).contains("image match: the matched features, numbered");

            String ukrainian = report(inv, ExportOptions.EVERYTHING.withLanguage(Locale.forLanguageTag("uk")),
                    new ReportFigures(MapFigures.NONE, FrameFigures.NONE, new MatchOverlays()), "uk.zip");
            assertThat(ukrainian).contains("<h3>Зіставлення знімків</h3>");

            String open = report(inv, new ExportOptions(Set.of(), List.of(), true,
                    Optional.of(new org.groundtruth.core.casefile.GridSnap(100)))
                    .withLanguage(Locale.ENGLISH), new ReportFigures(MapFigures.NONE, FrameFigures.NONE, new MatchOverlays()),
                    "public.zip");
            assertThat(open).doesNotContain("Image match</h3>");
        }
    }

    @Test
    void withoutTheImageryFileTheOutlineIsDrawnOnPlainGroundAndSaysSo() throws Exception {
        Seeded s = seed(false);
        try (Investigation inv = s.inv()) {
            List<MatchFigureRequest> asked = new ArrayList<>();
            MatchOverlays real = new MatchOverlays();
            String html = report(inv, ExportOptions.EVERYTHING.withLanguage(Locale.ENGLISH),
                    new ReportFigures(MapFigures.NONE, FrameFigures.NONE, request -> {
                        asked.add(request);
                        return real.overlay(request);
                    }), "no-layer.zip");
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0).footprint()).hasSize(4);
            assertThat(asked.get(0).inliers()).hasSize(12);
            assertThat(asked.get(0).pin()).isEqualTo(TRUTH);
            BufferedImage overlay = images(html).get("The frame&#39;s outline over the reference imagery");
            assertThat(overlay).isNotNull();
            assertThat(colours(overlay)).isLessThan(120);
        }
    }
}
