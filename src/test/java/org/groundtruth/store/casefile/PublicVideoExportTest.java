package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.casefile.VideoMetadataStripper;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.media.MetadataReader;
import org.groundtruth.media.VideoRemuxer;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A public version carries the footage itself, remuxed without its location, dates and device tags. */
class PublicVideoExportTest {
    private static final Path VIDEO = Path.of("../shared/data/media/video/with-gps.mp4");
    private static final ExportOptions PUBLIC = new ExportOptions(Set.of(), List.of(), true,
            Optional.of(new GridSnap(500)));

    @TempDir
    Path tmp;

    @Test
    void publicVideosAreStrippedAndTheCaseFileVerifies() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            EvidenceItem video = publicVideo(inv);
            Path zip = tmp.resolve("public.zip");
            new CaseExporter(inv, ReportFigures.NONE, new VideoRemuxer()).export(PUBLIC, zip, "A", ProgressMonitor.NONE);

            assertThat(new CaseVerifier().verify(zip).problems()).isEmpty();
            byte[] published = CaseFiles.read(zip).get(CaseExporter.evidencePath(video));
            assertThat(published).isNotNull().isNotEqualTo(Files.readAllBytes(VIDEO));
            Path copy = Files.write(tmp.resolve("published.mp4"), published);
            var metadata = new MetadataReader().read(copy);
            assertThat(metadata.summary().gps()).isEmpty();
            assertThat(metadata.summary().createdAt()).isEmpty();
            assertThat(metadata.summary().width()).contains(1920);
        }
    }

    @Test
    void withoutAStripperVideosStayHome() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            EvidenceItem video = publicVideo(inv);
            Path zip = tmp.resolve("public.zip");
            new CaseExporter(inv, ReportFigures.NONE, VideoMetadataStripper.NONE).export(PUBLIC, zip, "A", ProgressMonitor.NONE);
            Map<String, byte[]> entries = CaseFiles.read(zip);
            assertThat(entries).doesNotContainKey(CaseExporter.evidencePath(video));
        }
    }

    @Test
    void aVideoThatCannotBeStrippedStopsTheExportNamingIt() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            EvidenceItem video = publicVideo(inv);
            VideoMetadataStripper failing = new VideoMetadataStripper() {
                @Override
                public boolean canStrip(String mediaType) {
                    return mediaType.equals("video/mp4");
                }

                @Override
                public void strip(Path source, String mediaType, Path target, ProgressMonitor progress)
                        throws java.io.IOException {
                    throw new java.io.IOException("cannot read the streams of " + source);
                }
            };
            Path zip = tmp.resolve("out").resolve("public.zip");
            long logged = inv.custody().size();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseExporter(inv, ReportFigures.NONE, failing)
                    .export(PUBLIC, zip, "A", ProgressMonitor.NONE))
                    .hasMessageContaining(video.id()).hasMessageContaining("with-gps.mp4");
            try (var left = Files.list(zip.getParent())) {
                assertThat(left).isEmpty();
            }
            assertThat(inv.custody().size()).isEqualTo(logged);
        }
    }

    private static EvidenceItem publicVideo(Investigation inv) {
        DemoInvestigation.populateIfEmpty(inv);
        Incident incident = inv.incidents().list(IncidentQuery.ALL).stream()
                .filter(i -> i.sensitivity() == Sensitivity.PUBLIC).findFirst().orElseThrow();
        return inv.evidence().importFile(VIDEO, new ImportRequest(Optional.of(incident.id()), Optional.empty(),
                Sensitivity.PUBLIC), "A", ProgressMonitor.NONE).item();
    }
}
