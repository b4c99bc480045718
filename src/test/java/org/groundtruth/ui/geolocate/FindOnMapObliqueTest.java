package org.groundtruth.ui.geolocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchFeatures;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.match.ObliqueViews;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An oblique frame in "Find on map" without a toolkit: four ground points marked on it rectify it, the search finds the
 * place the frame's centre shows (DJI_0026's GPS position, 68° oblique view rendered from the photo) and logs the
 * rectification; Accept records the footprint corners at frame pixels inside the frame. Points that cross are refused
 * with a message and no search; a fifth click starts over; a click outside the frame is ignored.
 */
class FindOnMapObliqueTest {
    @TempDir
    Path tmp;

    @Test
    void fourMarkedGroundPointsRectifyTheFrameAndTheMatchIsAcceptedWithItsCorners() {
        Path file = FindOnMapViewModelTest.BRIGHTON.resolve("images/DJI_0026.JPG");
        BufferedImage photo = new StillImageDecoder().decode(file, 2000).image();
        double cx = photo.getWidth() / 2.0;
        double cy = photo.getHeight() / 2.0;
        ObliqueViews.View view = ObliqueViews.render(photo, 68, 40, 1280, 720, new double[] {cx, cy}, 0.16 * photo.getWidth());
        try (Investigation inv = Investigation.open(tmp.resolve("ws"), new ContentInspector())) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по рятувальниках"), "Олена", "");
            EvidenceItem item = inv.evidence().importFile(file, ImportRequest.PLAIN, "Олена", ProgressMonitor.NONE).item();
            FindOnMapViewModel vm = new FindOnMapViewModel(new FindOnMapViewModelTest.Inline(), Runnable::run,
                    () -> Optional.of(inv), () -> "Олена", () -> Optional.of(incident.id()));
            vm.setReferenceSource(() -> List.of(new FindOnMapViewModel.ReferenceChoice("Brighton ortho",
                    () -> ReferenceLayer.open(FindOnMapViewModelTest.REFERENCE), true)));
            vm.areaProperty().set(FindOnMapViewModel.Area.WHOLE_LAYER);
            vm.open(new FindOnMapViewModel.FrameToLocate(item, 0, view.frame()));

            // crossing points: refused before any search
            for (double[] p : new double[][] {{100, 100}, {900, 600}, {900, 100}, {100, 600}}) {
                vm.addGroundPoint(p[0], p[1]);
            }
            vm.search();
            assertThat(vm.statusProperty().get()).contains("cannot rectify");
            assertThat(searches(inv)).isZero();
            vm.addGroundPoint(5000, 10);
            assertThat(vm.groundPoints()).hasSize(4);
            vm.addGroundPoint(10, 10);
            assertThat(vm.groundPoints()).as("a fifth click starts over").hasSize(1);
            vm.clearGroundPoints();

            double half = 0.08 * photo.getWidth();
            for (double[] s : new double[][] {{cx - half, cy - half}, {cx + half, cy - half}, {cx + half, cy + half},
                {cx - half, cy + half}}) {
                double[] f = view.framePoint(s[0], s[1]);
                vm.addGroundPoint(f[0], f[1]);
            }
            vm.search();
            assertThat(vm.candidates()).as(vm.statusProperty().get()).isNotEmpty();
            MatchCandidate best = vm.candidates().get(0);
            assertThat(Geodesy.measure(best.center(), FindOnMapViewModelTest.TRUTH).distanceMeters()).isLessThan(5);
            assertThat(inv.custody().all().stream().filter(e -> e.entityType().equals("image_match_search"))
                    .map(AuditEntry::after)).singleElement().asString().contains("four ground points");

            vm.accept();
            GeolocationPin pin = inv.verification().pins(incident.id()).get(0);
            List<MatchFeatures.FramePixel> corners = pin.matchedFeatures().stream()
                    .flatMap(m -> MatchFeatures.parse(m.description()).stream()).filter(MatchFeatures.FramePixel::isCorner)
                    .toList();
            assertThat(corners).hasSize(4).allSatisfy(c -> {
                assertThat(c.x()).isBetween(0.0, 1280.0);
                assertThat(c.y()).isBetween(0.0, 720.0);
            });
        }
    }

    private static long searches(Investigation inv) {
        return inv.custody().all().stream().filter(e -> e.entityType().equals("image_match_search")).count();
    }
}
