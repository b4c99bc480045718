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
    void storedJsonRoundTrips() {
        MediaAnalysis analysis = inspector.analyze(SharedMedia.file("video/with-gps.mp4"), "video/mp4");
        MetadataJson.Stored stored = MetadataJson.read(analysis.metadataJson());
        String again = MetadataJson.write(stored.metadata(), stored.keyframeHashes());
        assertThat(again).isEqualTo(analysis.metadataJson());
    }
}
