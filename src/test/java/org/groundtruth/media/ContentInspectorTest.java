package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaInspector;
import org.junit.jupiter.api.Test;

/** What the store receives at import. */
class ContentInspectorTest {
    private final ContentInspector inspector = new ContentInspector();

    private String type(Path file) {
        return inspector.detectType(MediaFiles.head(file, MediaInspector.HEAD_BYTES));
    }

    @Test
    void photoGetsPropertiesMetadataAndHash() {
        Path file = SharedMedia.file("jpg/Sony DSC-HX5V (2).jpg");
        assertThat(type(file)).isEqualTo("image/jpeg");
        MediaAnalysis analysis = inspector.analyze(file, "image/jpeg");
        assertThat(analysis.properties().width()).contains(730);
        assertThat(analysis.properties().height()).contains(547);
        assertThat(analysis.perceptualHash()).hasValueSatisfying(h -> assertThat(h).matches("[0-9a-f]{16}"));
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        assertThat(stored.metadata().summary().model()).contains("DSC-HX5V");
        assertThat(stored.metadata().summary().gps()).isPresent();
        assertThat(stored.metadata().tags()).isNotEmpty();
        assertThat(analysis.kind()).isEmpty();
    }

    @Test
    void videoGetsPropertiesAndKeyframeHashes() {
        Path file = SharedMedia.file("video/Issue 515 (java).mp4");
        assertThat(type(file)).isEqualTo("video/mp4");
        MediaAnalysis analysis = inspector.analyze(file, "video/mp4");
        assertThat(analysis.properties().width()).contains(1280);
        assertThat(analysis.properties().durationSeconds()).hasValueSatisfying(d -> assertThat(d).isBetween(3.6, 3.7));
        assertThat(analysis.properties().framesPerSecond()).isPresent();
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        assertThat(stored.keyframeHashes()).isNotEmpty().contains(analysis.perceptualHash().orElseThrow());
    }

    @Test
    void srtIsSniffedAsTelemetry() {
        Path file = SharedMedia.file("dji-srt/mavic_pro.SRT");
        assertThat(type(file)).isEqualTo(MediaTypes.SUBRIP);
        MediaAnalysis analysis = inspector.analyze(file, MediaTypes.SUBRIP);
        assertThat(analysis.kind()).contains(EvidenceKind.TELEMETRY);
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        assertThat(stored.metadata().summary().fixes()).contains(468);
        assertThat(stored.metadata().telemetry().orElseThrow().fixes()).hasSize(stored.metadata().summary().fixes().get());
    }

    @Test
    void anHourOfTelemetryStaysWithinTheStoredMetadataLimit(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        StringBuilder srt = new StringBuilder();
        int blocks = 108_000; // one hour at 30 fixes per second
        for (int i = 1; i <= blocks; i++) {
            double t = (i - 1) / 30.0;
            srt.append(i).append('\n').append(Timecode.format(t).replace('.', ',')).append(" --> ")
                    .append(Timecode.format(t + 1 / 30.0).replace('.', ',')).append('\n')
                    .append("[iso : 100] [latitude: ").append(String.format(java.util.Locale.ROOT, "%.6f", 46.6 + i * 1e-6))
                    .append("] [longitude: 32.6] [altitude: 120.0]\n\n");
        }
        Path file = tmp.resolve("flight.srt");
        java.nio.file.Files.writeString(file, srt);
        MediaAnalysis analysis = inspector.analyze(file, MediaTypes.SUBRIP);
        assertThat(analysis.metadataJson().length()).isLessThan(10_000_000);
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        assertThat(stored.metadata().summary().fixes()).contains(blocks);
        var fixes = stored.metadata().telemetry().orElseThrow().fixes();
        assertThat(fixes).hasSizeBetween(10_000, MetadataJson.MAX_STORED_FIXES + 1);
        assertThat(fixes.get(fixes.size() - 1).sequence()).isEqualTo(blocks);
    }

    @Test
    void storedJsonRoundTrips() {
        MediaAnalysis analysis = inspector.analyze(SharedMedia.file("video/with-gps.mp4"), "video/mp4");
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        String again = MetadataJson.write(stored.metadata(), stored.keyframeHashes());
        assertThat(again).isEqualTo(analysis.metadataJson());
    }
}
