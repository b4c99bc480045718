package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.HtmlText;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.checks.RedFlagKind;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report lists each incident's red flags with their explanations (or that they are not explained), HTML and PDF. */
class CaseReportRedFlagsTest {
    @TempDir
    Path tmp;

    @Test
    void flagsAndExplanationsAreInTheHtmlAndPdfReport() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            // Kherson 2025 claimed; the photo's EXIF says England 2014
            Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій, Херсон").toBuilder()
                    .occurredAt(Optional.of(Instant.parse("2025-07-06T11:00:00Z")))
                    .location(Optional.of(new LatLon(46.6354, 32.6169))).build(), "Олена", "");
            String photo = inv.evidence().importFile(Path.of("../shared/data/media/jpg/Apple iPhone 6.jpg"),
                    new EvidenceService.ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC),
                    "Олена", ProgressMonitor.NONE).item().id();
            inv.checks().explain(incident.id(), RedFlagKind.LOCATION_MISMATCH, photo,
                    "Archive photo of the same ambulance, kept for comparison", "Олена");
            List<CheckedFlag> flags = inv.checks().check(incident.id());
            CheckedFlag time = flags.stream().filter(f -> f.flag().kind() == RedFlagKind.TIME_MISMATCH).findFirst()
                    .orElseThrow();

            Path zip = tmp.resolve("case.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING.withLanguage(Locale.ENGLISH), zip,
                    "Олена", ProgressMonitor.NONE);
            Map<String, byte[]> entries = CaseFiles.read(zip);
            String html = new String(entries.get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(html).contains("<h3>Red flags</h3>", "<th>Explanation</th>");
            String locationRow = row(html, "flag-location-mismatch");
            assertThat(locationRow).contains(photo, "Archive photo of the same ambulance, kept for comparison — Олена");
            String timeRow = row(html, "flag-time-mismatch");
            assertThat(timeRow).contains(photo, HtmlText.escape(time.flag().detail()), "not explained");
            assertThat(timeRow).contains("class=\"note\""); // it still blocks verification: marked

            try (var document = org.apache.pdfbox.Loader.loadPDF(entries.get(CaseFileLayout.REPORT_PDF))) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Red flags", "Archive photo of the same ambulance", "not explained");
            }

            // the public version keeps the flags and explanations of the items it carries, without details or names
            Path publicZip = tmp.resolve("public.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(), true,
                    Optional.of(new GridSnap(500)), Locale.ENGLISH), publicZip, "Олена", ProgressMonitor.NONE);
            String publicHtml = new String(CaseFiles.read(publicZip).get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(publicHtml).contains("<h3>Red flags</h3>", "Archive photo of the same ambulance")
                    .doesNotContain(HtmlText.escape(time.flag().detail()), "<th>What was found</th>");
        }
    }

    @Test
    void ukrainianHeadings() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("uk"))) {
            Incident incident = inv.incidents().create(Incident.titled("Херсон").toBuilder()
                    .occurredAt(Optional.of(Instant.parse("2025-07-06T11:00:00Z")))
                    .location(Optional.of(new LatLon(46.6354, 32.6169))).build(), "Олена", "");
            inv.evidence().importFile(Path.of("../shared/data/media/jpg/Apple iPhone 6.jpg"),
                    new EvidenceService.ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC),
                    "Олена", ProgressMonitor.NONE);
            Path zip = tmp.resolve("uk.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING.withLanguage(
                    Locale.forLanguageTag("uk")), zip, "Олена", ProgressMonitor.NONE);
            String html = new String(CaseFiles.read(zip).get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(html).contains("<h3>Тривожні ознаки</h3>", "не пояснено");
        }
    }

    private static String row(String html, String cssClass) {
        int start = html.indexOf("<tr class=\"" + cssClass + "\">");
        assertThat(start).as(cssClass + " row").isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
