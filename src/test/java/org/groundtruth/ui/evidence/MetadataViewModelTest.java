package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.Sha256;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.SharedMedia;
import org.junit.jupiter.api.Test;

class MetadataViewModelTest {
    /** An item as the store would hold it after import, without a store. */
    static EvidenceItem analysed(Path file, String mediaType, EvidenceKind kind) {
        MediaAnalysis analysis = new ContentInspector().analyze(file, mediaType);
        return new EvidenceItem(Ids.next(EvidenceItem.ID_PREFIX), analysis.kind().orElse(kind),
                file.getFileName().toString(), mediaType, 1, new Sha256("0".repeat(64)), analysis.perceptualHash(),
                "test", Instant.now(), "test", analysis.metadataJson(), analysis.properties(), Sensitivity.PUBLIC,
                Optional.empty(), Optional.empty());
    }

    @Test
    void summaryTagsAndSearch() {
        MetadataViewModel vm = new MetadataViewModel();
        vm.show(analysed(SharedMedia.file("jpg/Nokia Lumia 800.jpg"), "image/jpeg", EvidenceKind.PHOTO));
        assertThat(vm.summary()).extracting(MetadataViewModel.SummaryRow::label)
                .containsExactly("GPS", "Created", "Device", "Size", "SHA-256");
        assertThat(vm.summary().get(0).value()).startsWith("53.359465, -6.258231").endsWith("(EXIF GPS)");
        assertThat(vm.summary().get(2).value()).isEqualTo("Nokia Nokia Lumia 800");
        int all = vm.allTags().size();
        assertThat(vm.filteredTags()).hasSize(all);

        vm.searchProperty().set("gps LAT"); // one phrase, any case
        assertThat(vm.filteredTags()).extracting(t -> t.name()).containsExactly("GPS Latitude Ref", "GPS Latitude");
        vm.searchProperty().set("no tag says this");
        assertThat(vm.filteredTags()).isEmpty();
        vm.searchProperty().set("LATITUDE");
        assertThat(vm.filteredTags()).isNotEmpty().allSatisfy(t ->
                assertThat((t.group() + t.name() + t.value()).toLowerCase()).contains("latitude"));
        assertThat(vm.countLabelProperty().get()).isEqualTo(vm.filteredTags().size() + " of " + all + " tags");
        vm.searchProperty().set("");
        assertThat(vm.filteredTags()).hasSize(all);
    }

    @Test
    void suggestPinGoesToTheMapWhenConnected() {
        MetadataViewModel vm = new MetadataViewModel();
        vm.show(analysed(SharedMedia.file("video/with-gps.mp4"), "video/mp4", EvidenceKind.VIDEO));
        assertThat(vm.suggestPin()).as("no map connected: the view copies instead").isFalse();
        List<GpsFix> suggested = new ArrayList<>();
        vm.setPinHandler(suggested::add);
        assertThat(vm.suggestPin()).isTrue();
        assertThat(suggested).singleElement().satisfies(f -> {
            assertThat(f.latitudeDegrees()).isEqualTo(51.4169);
            assertThat(f.longitudeDegrees()).isEqualTo(-0.0806);
        });
        assertThat(vm.messageProperty().get()).isEqualTo("Suggested a pin at 51.416900, -0.080600.");
    }

    @Test
    void noFixAndWarningsAreShown() {
        MetadataViewModel vm = new MetadataViewModel();
        vm.show(analysed(SharedMedia.file("jpg/Samsung GT-I9000 (Galaxy S).jpg"), "image/jpeg", EvidenceKind.PHOTO));
        assertThat(vm.gpsProperty().get()).isNull();
        assertThat(vm.summary().get(0).value()).isEqualTo("none (no position, or 0,0 = no fix)");
        assertThat(vm.suggestPin()).isFalse();

        vm.show(analysed(SharedMedia.file("dji-srt/broken_incomplete.SRT"), "application/x-subrip", EvidenceKind.DOCUMENT));
        assertThat(vm.summary()).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("Telemetry fixes");
            assertThat(r.value()).isEqualTo("19");
        });
        assertThat(vm.warningsProperty().get()).startsWith("Warnings: truncated: block 20");
    }
}
