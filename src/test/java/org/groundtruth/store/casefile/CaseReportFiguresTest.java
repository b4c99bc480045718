package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.IncidentStats;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.map.report.BasemapSnapshots;
import org.groundtruth.media.EvidenceFrameFigures;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's pictures with the real map and media renderers: a map per geolocated incident, keyframes with the
 * insignia boxes drawn (a real photo and a real video), the monthly chart, Ukrainian headings, a corrupt video
 * that becomes a note, and a public version without the frames of evidence it does not carry.
 */
class CaseReportFiguresTest {
    private static final Path PHOTO = Path.of("../shared/data/media/jpg/Apple iPhone 4.jpg");
    private static final Path VIDEO = Path.of("../shared/data/media/video/with-gps.mp4");
    private static final Pattern IMG = Pattern.compile(
            "<img (class=\"map\" )?src=\"data:image/(?:png|jpeg);base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]*)\"");
    private static final NormalizedBox PHOTO_BOX = new NormalizedBox(0.25, 0.30, 0.40, 0.30);
    private static final NormalizedBox VIDEO_BOX = new NormalizedBox(0.10, 0.20, 0.30, 0.50);
    private static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    static Path tmp;
    static Investigation inv;
    static EvidenceItem photo;
    static EvidenceItem video;
    static EvidenceItem corrupt;
    static EvidenceItem secret;

    @BeforeAll
    static void seed() throws Exception {
        inv = TestInvestigations.open(tmp.resolve("ws"));
        DemoInvestigation.populateIfEmpty(inv);
        Incident first = inv.incidents().list(IncidentQuery.ALL).get(0);
        photo = importFile(PHOTO, first.id(), Sensitivity.PUBLIC);
        video = importFile(VIDEO, first.id(), Sensitivity.PUBLIC);
        byte[] half = Arrays.copyOf(Files.readAllBytes(VIDEO), 4096);
        corrupt = inv.evidence().importContent(new ByteArrayInputStream(half), half.length, "broken.mp4",
                new ImportRequest(Optional.of(first.id()), Optional.empty(), Sensitivity.PUBLIC), "A",
                ProgressMonitor.NONE).item();
        secret = importFile(Path.of("../shared/data/media/jpg/HTC Desire.jpg"), first.id(), Sensitivity.SENSITIVE);
        observe(first, photo, Optional.empty(), PHOTO_BOX, "Emblem on the door " + HOSTILE);
        observe(first, video, Optional.of(12L), VIDEO_BOX, "");
        observe(first, corrupt, Optional.of(3L), VIDEO_BOX, "");
        observe(first, secret, Optional.empty(), PHOTO_BOX, "");
    }

    private static EvidenceItem importFile(Path file, String incident, Sensitivity sensitivity) {
        return inv.evidence().importFile(file, new ImportRequest(Optional.of(incident), Optional.empty(), sensitivity),
                "A", ProgressMonitor.NONE).item();
    }

    private static void observe(Incident incident, EvidenceItem item, Optional<Long> frame, NormalizedBox box,
            String other) {
        inv.verification().addObservation(new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX),
                incident.id(), item.id(), frame, frame.map(n -> n / 30.0), box,
                other.isEmpty() ? InsigniaType.DSNS_EMBLEM : InsigniaType.OTHER, other, Confidence.MEDIUM,
                "note " + HOSTILE, "A", Instant.parse("2025-07-01T10:00:00Z")), "A", "test");
    }

    @AfterAll
    static void close() {
        inv.close();
    }

    private record Img(boolean map, BufferedImage image, String alt) {
    }

    private static Map<String, byte[]> export(ExportOptions options, String name) throws Exception {
        Path zip = tmp.resolve(name);
        try (ReportFigures figures = new ReportFigures(BasemapSnapshots.of(Path.of("maps/basemap.sqlite")),
                new EvidenceFrameFigures())) {
            new CaseExporter(inv, figures).export(options, zip, "A", ProgressMonitor.NONE);
        }
        return CaseFiles.read(zip);
    }

    private static List<Img> images(String html) throws Exception {
        List<Img> found = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(m.group(2))));
            assertThat(image.getWidth()).isEqualTo(Integer.parseInt(m.group(3)));
            assertThat(image.getHeight()).isEqualTo(Integer.parseInt(m.group(4)));
            found.add(new Img(m.group(1) != null, image, m.group(5)));
        }
        return found;
    }

    private static Img frameOf(List<Img> images, String alt) {
        return images.stream().filter(i -> !i.map() && i.alt().equals(alt)).findFirst().orElseThrow();
    }

    /** The pixel on the left edge of the box, half-way down, is the box colour. */
    private static void assertBoxDrawn(BufferedImage image, NormalizedBox box) {
        int x = (int) Math.round(box.x() * image.getWidth());
        int y = (int) Math.round((box.y() + box.height() / 2) * image.getHeight());
        // JPEG moves colours a little; magenta stays far from anything a photo has there
        Color seen = new Color(image.getRGB(x, y));
        Color colour = EvidenceFrameFigures.BOX_COLOUR;
        assertThat(Math.abs(seen.getRed() - colour.getRed()) + Math.abs(seen.getGreen() - colour.getGreen())
                + Math.abs(seen.getBlue() - colour.getBlue())).as("distance of %s from the box colour", seen).isLessThan(90);
        assertThat(image.getWidth()).isLessThanOrEqualTo(EvidenceFrameFigures.MAX_WIDTH);
    }

    @Test
    void mapsKeyframesAndChartAreInTheReport() throws Exception {
        Map<String, byte[]> entries = export(ExportOptions.EVERYTHING.withLanguage(Locale.ENGLISH), "full.zip");
        String html = new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target/report-figures-test.html"), html);
        List<Img> images = images(html);
        long geolocated = inv.incidents().list(IncidentQuery.ALL).stream().filter(i -> i.location().isPresent()).count();
        assertThat(images.stream().filter(Img::map)).hasSize((int) geolocated);
        assertThat(images.get(0).image().getWidth()).isEqualTo(480);

        assertBoxDrawn(frameOf(images, photo.id()).image(), PHOTO_BOX);
        assertBoxDrawn(frameOf(images, video.id() + ", frame 12").image(), VIDEO_BOX);
        assertThat(html).contains("<p class=\"note\">No picture of " + corrupt.id() + ", frame 3: ");
        // the demo's matched features point at frame 0 of its (photo) evidence, which also carries a box
        assertThat(html.split("<h3>Keyframes</h3>", -1)).hasSize(inv.incidents().list(IncidentQuery.ALL).size() + 1
                - (int) inv.incidents().list(IncidentQuery.ALL).stream()
                        .filter(i -> inv.verification().observations(i.id()).isEmpty()).count());
        assertThat(html).doesNotContain("<script").contains("Emblem on the door &lt;script&gt;");

        int months = IncidentStats.monthly(inv.incidents().list(IncidentQuery.ALL), IncidentFilter.ALL,
                Optional.empty()).months().size();
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(Pattern.compile(">\\d{4}-\\d{2}</text>").matcher(svg).results().count()).isEqualTo(months);
        assertThat(html).contains("Counts the " + inv.incidents().list(IncidentQuery.ALL).size()
                + " incidents in this case file: all incidents of the investigation");

        byte[] pdf = entries.get(CaseFileLayout.REPORT_PDF);
        Files.write(Path.of("target/report-figures-test.pdf"), pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            int pictures = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        pictures++;
                    }
                }
            }
            assertThat(pictures).as("maps and frames drawn in the PDF").isGreaterThanOrEqualTo(images.size());
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Keyframes");
        }
    }

    @Test
    void ukrainianHeadingsWhenAsked() throws Exception {
        Map<String, byte[]> entries = export(ExportOptions.EVERYTHING.withLanguage(Locale.forLanguageTag("uk")),
                "uk.zip");
        String html = new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"uk\"", "<h1>Справа Groundtruth</h1>", "<h3>Геолокація</h3>",
                "<h3>Ключові кадри</h3>", "<h3>Історія верифікації</h3>", "Верифіковано", "Інциденти за місяцями")
                .doesNotContain("<h3>Geolocation</h3>", "!section.");
        try (var document = org.apache.pdfbox.Loader.loadPDF(entries.get(CaseFileLayout.REPORT_PDF))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            if (PdfReportWriter.font().isPresent()) {
                assertThat(text).contains("Історія верифікації");
            }
        }
    }

    @Test
    void aPublicVersionShowsOnlyFramesOfEvidenceItCarries() throws Exception {
        Map<String, byte[]> entries = export(new ExportOptions(Set.of(), List.of(), true,
                Optional.of(new GridSnap(500)), Locale.ENGLISH), "public.zip");
        String html = new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
        List<Img> images = images(html);
        assertThat(images.stream().filter(i -> !i.map()).map(Img::alt)).contains(photo.id())
                .doesNotContain(secret.id(), video.id() + ", frame 12");
        assertThat(html).doesNotContain("No picture of " + corrupt.id()).contains("public version");
        assertBoxDrawn(frameOf(images, photo.id()).image(), PHOTO_BOX);
    }
}
