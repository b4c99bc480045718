package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** report.html is self-contained, carries every section, and user text with markup stays text in HTML and KML. */
class CaseReportTest {
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> Херсон & Co";

    @TempDir
    Path tmp;

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            inv.incidents().create(Incident.titled("Title " + HOSTILE).toBuilder().description(HOSTILE)
                    .placeName("Херсон <b>").location(Optional.of(new LatLon(46.6354, 32.6169))).build(), "A", "test");
            Path zip = tmp.resolve("case.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "A <i>analyst</i>", ProgressMonitor.NONE);
            Map<String, byte[]> entries = CaseFiles.read(zip);
            String html = new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>analyst")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Херсон &amp; Co", "A &lt;i&gt;analyst");
            Document kml = CaseExportTest.parse(entries.get(CaseFileLayout.KML));
            String balloon = kml.getElementsByTagName("description").item(0).getTextContent();
            // Google Earth renders the balloon as HTML: the user's markup must arrive escaped inside it.
            assertThat(balloon).contains("&lt;script&gt;").doesNotContain("<script");
            assertThat(((org.w3c.dom.Element) kml.getElementsByTagName("Placemark").item(0)).getElementsByTagName("name").item(0)
                    .getTextContent()).isEqualTo("Title " + HOSTILE);
        }
    }

    @Test
    void reportHasEverySectionAndNoExternalResources() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("demo"))) {
            DemoInvestigation.populateIfEmpty(inv);
            Path zip = tmp.resolve("demo.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "A", ProgressMonitor.NONE);
            String html = new String(CaseFiles.read(zip).get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(html).contains("<h3>Geolocation</h3>", "<h3>Insignia</h3>", "<h3>Chronolocation</h3>",
                    "<h3>Verification history</h3>", "<h3>Evidence</h3>", "Херсон");
            assertThat(html).doesNotContain("src=\"http", "href=\"http", "<script", "<link");
            assertThat(html.split("<h2 id=\"inc-", -1)).hasSize(DemoInvestigation.incidentCount() + 1);
            for (var item : inv.evidence().all()) {
                assertThat(html).contains(item.sha256().hex());
            }
        }
    }

    @Test
    void pdfReportCarriesTheTextIncludingCyrillic() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("pdf"))) {
            DemoInvestigation.populateIfEmpty(inv);
            Path zip = tmp.resolve("pdf.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "A", ProgressMonitor.NONE);
            byte[] pdf = CaseFiles.read(zip).get(CaseFileLayout.REPORT_PDF);
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertThat(text).contains("Groundtruth case file", "Verification history");
                // the hash wraps inside its cell; all of it must be on the page, not cut off at the margin
                assertThat(wrappedPiecesLeft(text, inv.evidence().all().get(0).sha256().hex())).isEmpty();
                if (PdfReportWriter.font().isPresent()) {
                    assertThat(text).contains("Херсон");
                }
            }
        }
    }

    /**
     * What is left of {@code hash} after taking its wrapped pieces in order from the extracted text. Text
     * extraction reads a table row line by line, so the neighbouring cell's words can sit between the pieces;
     * they are skipped. Empty when the whole hash is on the page.
     */
    private static String wrappedPiecesLeft(String text, String hash) {
        String left = hash;
        for (String token : text.split("\\s+")) {
            if (!left.isEmpty() && token.length() >= 4 && left.startsWith(token)) {
                left = left.substring(token.length());
            }
        }
        return left;
    }
}
