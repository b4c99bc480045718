package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.checks.RedFlagKind;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.media.ContainerPrecisionTest;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo whose EXIF gives its clock's offset has a known capture instant: the time check compares it without the
 * ±14 h a zone-less EXIF clock is given, so a 9 h contradiction is flagged that a zone-less photo hides.
 */
class CaptureOffsetChecksTest {
    @TempDir
    Path tmp;

    private List<String> kinds(Path photo, Instant claimed) {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws-" + System.nanoTime()))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій, Херсон").toBuilder()
                    .occurredAt(Optional.of(claimed)).timePrecision(org.groundtruth.core.incident.TimePrecision.MINUTE).location(Optional.of(new LatLon(46.6354, 32.6169))).build(),
                    "Олена", "");
            EvidenceItem item = inv.evidence().importFile(photo, new ImportRequest(Optional.of(incident.id()),
                    Optional.empty(), Sensitivity.PUBLIC), "Олена", ProgressMonitor.NONE).item();
            return inv.checks().check(incident.id()).stream().map(CheckedFlag::flag)
                    .filter(f -> f.evidenceId().equals(item.id())).map(f -> f.kind().kebab()).toList();
        }
    }

    @Test
    void aKnownOffsetMakesTheCaptureTimeExact() throws Exception {
        Path base = SharedMedia.file("jpg/Canon EOS 1000D.jpg");
        // 14:00 Kyiv summer time (+03:00) is 11:00 UTC
        Path withOffset = ContainerPrecisionTest.withExif(base, tmp.resolve("offset.jpg"), "2025:07:06 14:00:00", "+03:00");
        Path zoneLess = ContainerPrecisionTest.withExif(base, tmp.resolve("zoneless.jpg"), "2025:07:06 14:00:00", "");
        assertThat(kinds(withOffset, Instant.parse("2025-07-06T11:00:00Z"))).doesNotContain(RedFlagKind.TIME_MISMATCH.kebab());
        // claimed 9 h after the exposure: the offset makes it a contradiction; without one the clock's zone could explain it
        assertThat(kinds(withOffset, Instant.parse("2025-07-06T20:00:00Z"))).contains(RedFlagKind.TIME_MISMATCH.kebab());
        assertThat(kinds(zoneLess, Instant.parse("2025-07-06T20:00:00Z"))).doesNotContain(RedFlagKind.TIME_MISMATCH.kebab());
    }
}
