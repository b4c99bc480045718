package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.MapFigures;
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
 * The PDF report carries the image-match overlay as the HTML report does: on the page under "Image match" there is the
 * figure of the frame's outline over the reference imagery (560 pixels wide, the reference's colours), with its caption.
 */
class CaseReportImageMatchPdfTest {
    private static final Path BRIGHTON = Path.of("..", "shared", "data", "aerial", "brighton-beach");
    private static final Path REFERENCE = BRIGHTON.resolve("ortho-from-model-0.15m-epsg32615.tif");
    private static final LatLon TRUTH = new LatLon(46.842690, -91.993954);

    @TempDir
    Path tmp;

    @Test
    void thePdfShowsTheOverlayUnderImageMatch() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по пожежній машині"), "A", "");
            EvidenceItem photo = inv.evidence().importFile(BRIGHTON.resolve("images/DJI_0026.JPG"),
                    new ImportRequest(Optional.of(incident.id()), Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC),
                    "A", ProgressMonitor.NONE).item();
            double dLat = 11 / 111_320.0;
            double dLon = 20 / (111_320.0 * Math.cos(Math.toRadians(TRUTH.lat())));
            List<LatLon> footprint = List.of(new LatLon(TRUTH.lat() + dLat, TRUTH.lon() - dLon),
                    new LatLon(TRUTH.lat() + dLat, TRUTH.lon() + dLon), new LatLon(TRUTH.lat() - dLat, TRUTH.lon() + dLon),
                    new LatLon(TRUTH.lat() - dLat, TRUTH.lon() - dLon));
            List<MatchedPoint> points = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                double fx = 200 + 180 * k;
                double fy = 300 + 80 * k;
                points.add(new MatchedPoint(fx, fy, new LatLon(TRUTH.lat() + dLat * (1 - 2 * fy / 2250),
                        TRUTH.lon() - dLon + 2 * dLon * fx / 4000)));
            }
            MatchCandidate candidate = new MatchCandidate(TRUTH, footprint, 91, 0.47, 0.11, 154.7, MatchConfidence.STRONG,
                    0.2, 19, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 4000, 2250, points, 1);
            GeolocationPin pin = inv.imageMatches().accept(incident.id(), new FrameReference(photo.id(), 0), candidate,
                    REFERENCE.getFileName().toString(), "A");
            inv.verification().acceptPin(pin.id(), "Б", "checked the overlay");
            SavedLayers.write(inv.directory(), List.of(new SavedLayers.Layer(SavedLayers.Kind.FILE,
                    REFERENCE.toAbsolutePath().toString(), true, 1)));
            Path zip = tmp.resolve("case.zip");
            try (ReportFigures figures = new ReportFigures(MapFigures.NONE, new EvidenceFrameFigures(), new MatchOverlays())) {
                new CaseExporter(inv, figures).export(ExportOptions.EVERYTHING.withLanguage(Locale.ENGLISH), zip, "A",
                        ProgressMonitor.NONE);
            }
            Map<String, byte[]> entries = CaseFiles.read(zip);
            try (PDDocument pdf = Loader.loadPDF(entries.get(CaseFileLayout.REPORT_PDF))) {
                int page = pageWith(pdf, "Image match");
                assertThat(page).as("a page with the Image match heading").isPositive();
                String text = pageText(pdf, page).replace("-\n", "-").replace("\n", " ");
                assertThat(text).contains("over ortho-from-model-0.15m-epsg32615.tif; orange: 12 matched features").contains("image match: 91 inliers");
                List<BufferedImage> images = images(pdf.getPage(page - 1));
                // the page as a reader sees it, for a look by eye
                javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(page - 1, 60),
                        "png", Path.of("target", "report-image-match-pdf-page.png").toFile());
                assertThat(images).anySatisfy(i -> {
                    assertThat(i.getWidth()).isEqualTo(560);
                    assertThat(colours(i)).isGreaterThan(200);
                });
            }
        }
    }

    private static int pageWith(PDDocument pdf, String heading) throws Exception {
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            if (pageText(pdf, p).contains(heading)) {
                return p;
            }
        }
        return 0;
    }

    private static String pageText(PDDocument pdf, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static List<BufferedImage> images(PDPage page) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                out.add(image.getImage());
            }
        }
        return out;
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
}
