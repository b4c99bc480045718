package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each incident in report.html / report.pdf lists its sources (platform, account, post URL and time, caption and
 * translation, collector and collection time); hashes are monospace groups; no heading ends a PDF page.
 */
class CaseReportProvenanceTest {
    private static final Instant POSTED = Instant.parse("2025-07-03T12:00:00Z");

    @TempDir
    Path tmp;

    private static EvidenceItem collect(Investigation inv, Incident incident, int n) throws Exception {
        Source source = new Source(Ids.next(Source.ID_PREFIX), "Telegram", "@kherson_live", "https://t.me/kherson_live/"
                + n, String.valueOf(n), Optional.of(POSTED), "Прилёт по пожарной части №" + n, "ru",
                "Удар по пожежній частині №" + n);
        byte[] bytes = ("clip " + n).getBytes(StandardCharsets.UTF_8);
        return inv.evidence().importContent(new ByteArrayInputStream(bytes), bytes.length, "відео-" + n + ".mp4",
                new ImportRequest(Optional.of(incident.id()), Optional.of(source), Sensitivity.PUBLIC), "Олена",
                ProgressMonitor.NONE).item();
    }

    private static Map<String, byte[]> export(Investigation inv, Path zip, Locale language) throws Exception {
        new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING.withLanguage(language), zip,
                "Олена", ProgressMonitor.NONE);
        return CaseFiles.read(zip);
    }

    @Test
    void eachIncidentListsItsSourcesAndHashesInGroups() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по пожежній частині"), "Олена", "test");
            EvidenceItem item = collect(inv, incident, 7);
            String hex = item.sha256().hex();
            String grouped = HtmlReportWriter.grouped(hex);
            assertThat(grouped.split(" ")).hasSize(8).allMatch(g -> g.length() == 8);
            assertThat(grouped.replace(" ", "")).isEqualTo(hex);

            String html = new String(export(inv, tmp.resolve("en.zip"), Locale.ENGLISH).get(CaseFileLayout.REPORT_HTML),
                    StandardCharsets.UTF_8);
            assertThat(html).contains("<h3>Sources</h3>", "Telegram", "@kherson_live", "https://t.me/kherson_live/7",
                    "2025-07-03T12:00:00Z", "Прилёт по пожарной части №7", "Translation from ru:",
                    "Удар по пожежній частині №7", "відео-7.mp4: Олена, "
                            + java.time.format.DateTimeFormatter.ISO_INSTANT.format(item.collectedAt()),
                    "<code class=\"sha\" title=\"" + hex + "\">" + grouped + "</code>");
            assertThat(html.indexOf("<h3>Sources</h3>")).isLessThan(html.indexOf("<h3>Evidence</h3>"));

            String uk = new String(export(inv, tmp.resolve("uk.zip"), Locale.forLanguageTag("uk"))
                    .get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
            assertThat(uk).contains("<h3>Джерела</h3>", "Платформа", "Переклад з ru:").doesNotContain("Translation from");

            // The public version carries no records, so no accounts, captions or collectors either.
            java.io.StringWriter publicSection = new java.io.StringWriter();
            new ReportSources(inv, org.groundtruth.core.casefile.ReportText.of(Locale.ENGLISH), true)
                    .write(publicSection, List.of(item));
            assertThat(publicSection.toString()).isEmpty();
            java.io.StringWriter fullSection = new java.io.StringWriter();
            new ReportSources(inv, org.groundtruth.core.casefile.ReportText.of(Locale.ENGLISH), false)
                    .write(fullSection, List.of(item));
            assertThat(fullSection.toString()).contains("@kherson_live");
        }
    }

    @Test
    void noHeadingIsLeftAtTheFootOfAPdfPage() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("many"))) {
            Set<String> headings = new HashSet<>(Set.of("Sources", "Evidence", "Summary", "Verification history",
                    "Groundtruth case file"));
            List<String> hashes = new ArrayList<>();
            for (int n = 1; n <= 14; n++) {
                Incident incident = inv.incidents().create(Incident.titled("Інцидент " + n).toBuilder()
                        .description("Опис інциденту " + n + ": ".repeat(1) + "свідчення ".repeat(20 + 7 * n)).build(),
                        "Олена", "test");
                headings.add(incident.title());
                hashes.add(collect(inv, incident, n).sha256().hex());
            }
            byte[] pdf = export(inv, tmp.resolve("many.zip"), Locale.ENGLISH).get(CaseFileLayout.REPORT_PDF);
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isGreaterThan(2);
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                StringBuilder all = new StringBuilder();
                for (int page = 1; page <= document.getNumberOfPages(); page++) {
                    stripper.setStartPage(page);
                    stripper.setEndPage(page);
                    String text = stripper.getText(document);
                    all.append(text);
                    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                    if (page < document.getNumberOfPages()) {
                        assertThat(headings).as("last line of page %d", page).doesNotContain(lines.get(lines.size() - 1));
                    }
                }
                for (String hex : hashes) {
                    // every group of eight is whole on one line of the PDF
                    assertThat(all.toString()).contains(HtmlReportWriter.grouped(hex).split(" "));
                }
            }
        }
    }
}
