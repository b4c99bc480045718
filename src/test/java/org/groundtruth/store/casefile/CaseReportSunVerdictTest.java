package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved sun check keeps its verdict on the claimed time, and report.html states it in the export's language. */
class CaseReportSunVerdictTest {
    private static final LatLon PLACE = new LatLon(48.4647, 35.0462);

    @TempDir
    Path tmp;

    @Test
    void theReportStatesWhetherTheClaimedTimeFitsTheShadow() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по складу").toBuilder()
                    .location(Optional.of(PLACE)).build(), "Олена", "test");
            Instant claimed = Instant.parse("2025-07-06T08:25:00Z");
            double shadow = SunCalculator.at(PLACE, Instant.parse("2025-07-06T06:30:00Z")).shadowBearingDegrees();
            List<TimeWindow> windows = SunCalculator.shadowWindows(PLACE, LocalDate.of(2025, 7, 6), shadow, 5);
            SunAngles sun = SunCalculator.at(PLACE, claimed);
            inv.verification().addChronolocation(new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), incident.id(),
                    claimed, sun.azimuthDegrees(), sun.altitudeDegrees(), Optional.of(shadow), windows, "тінь від щогли",
                    "Олена", Instant.now()), "Олена", "test");
            String bearing = String.format(Locale.ROOT, "%.0f", shadow);

            String english = report(inv, Locale.ENGLISH, "en.zip");
            assertThat(english).contains("<th>Verdict</th>").containsPattern("A " + bearing
                    + "° shadow fits 06:\\d\\d–\\d\\d:\\d\\d UTC; the claimed 08:25 does not fit\\.");
            String ukrainian = report(inv, Locale.forLanguageTag("uk"), "uk.zip");
            assertThat(ukrainian).contains("<th>Висновок</th>").containsPattern("Тінь під " + bearing
                    + "° відповідає 06:\\d\\d–\\d\\d:\\d\\d UTC; заявлений час 08:25 не відповідає\\.");
        }
    }

    private String report(Investigation inv, Locale language, String name) throws Exception {
        Path zip = tmp.resolve(name);
        ExportOptions options = ExportOptions.EVERYTHING.withLanguage(language);
        new CaseExporter(inv, ReportFigures.NONE).export(options, zip, "Олена", ProgressMonitor.NONE);
        return new String(CaseFiles.read(zip).get(CaseFileLayout.REPORT_HTML), StandardCharsets.UTF_8);
    }
}
