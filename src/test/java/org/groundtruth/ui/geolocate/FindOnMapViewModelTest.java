package org.groundtruth.ui.geolocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.map.MapOutline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Find on map" without a toolkit, on the real Brighton Beach photo and reference: the search finds the place, draws
 * the footprint, logs the search; Accept makes an unverified "image match" pin; Reject hides that place from the next
 * search of the frame; a view away from the layer, no layer, and a cancelled search leave a message and nothing else.
 */
class FindOnMapViewModelTest {
    static final Path BRIGHTON = Path.of("..", "shared", "data", "aerial", "brighton-beach");
    static final Path REFERENCE = BRIGHTON.resolve("ortho-from-model-0.15m-epsg32615.tif");
    static final LatLon TRUTH = new LatLon(46.842690, -91.993954);
    static final SearchArea NEAR_TRUTH = new SearchArea(TRUTH.lon() - 0.0009, TRUTH.lat() - 0.0006, TRUTH.lon() + 0.0009,
            TRUTH.lat() + 0.0006);
    static final String ANALYST = "Олена";

    @TempDir
    static Path tmp;
    private static BufferedImage photo;

    @BeforeAll
    static void decode() {
        photo = new StillImageDecoder().decode(BRIGHTON.resolve("images/DJI_0026.JPG"), 4096).image();
    }

    @AfterAll
    static void release() {
        photo = null;
    }

    /** Runs work at once; {@link #cancelled} makes the monitor say the user cancelled. */
    static final class Inline implements Background {
        boolean cancelled;

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
            T result;
            try {
                result = work.run(monitor);
            } catch (Exception e) {
                onFailure.accept(e);
                return () -> { };
            }
            onSuccess.accept(result);
            return () -> { };
        }
    }

    private record Fixture(Investigation inv, Incident incident, EvidenceItem item, FindOnMapViewModel vm,
            List<List<MapOutline>> drawn, List<GeolocationPin> accepted) {
    }

    private static Fixture fixture(Inline background, Optional<SearchArea> view) {
        Investigation inv = Investigation.open(tmp.resolve("ws-" + System.nanoTime()), new ContentInspector());
        Incident incident = inv.incidents().create(Incident.titled("Удар по рятувальниках"), ANALYST, "");
        EvidenceItem item = inv.evidence().importFile(BRIGHTON.resolve("images/DJI_0026.JPG"), ImportRequest.PLAIN, ANALYST,
                ProgressMonitor.NONE).item();
        FindOnMapViewModel vm = new FindOnMapViewModel(background, Runnable::run, () -> Optional.of(inv), () -> ANALYST,
                () -> Optional.of(incident.id()));
        List<List<MapOutline>> drawn = new ArrayList<>();
        List<GeolocationPin> accepted = new ArrayList<>();
        vm.setOverlay(drawn::add);
        vm.setOnAccepted(accepted::add);
        vm.setCurrentView(() -> view);
        vm.setReferenceSource(() -> List.of(new FindOnMapViewModel.ReferenceChoice("Brighton ortho",
                () -> ReferenceLayer.open(REFERENCE), true)));
        vm.open(new FindOnMapViewModel.FrameToLocate(item, 0, photo));
        return new Fixture(inv, incident, item, vm, drawn, accepted);
    }

    private static long entries(Investigation inv, String entity) {
        return inv.custody().all().stream().map(AuditEntry::entityType).filter(entity::equals).count();
    }

    @Test
    void findsThePlaceDrawsItsOutlineAndAcceptMakesAnUnverifiedImageMatchPin() {
        Fixture f = fixture(new Inline(), Optional.of(NEAR_TRUTH));
        try (Investigation inv = f.inv()) {
            assertThat(f.vm().referenceProperty().get().name()).isEqualTo("Brighton ortho");
            f.vm().search();

            assertThat(f.vm().runningProperty().get()).isFalse();
            assertThat(f.vm().candidates()).isNotEmpty();
            MatchCandidate best = f.vm().candidates().get(0);
            assertThat(Geodesy.measure(best.center(), TRUTH).distanceMeters()).isLessThan(10);
            assertThat(f.vm().selectedProperty().get()).isSameAs(best);
            assertThat(f.vm().statusProperty().get()).contains("candidate");
            List<MapOutline> outlines = f.drawn().get(f.drawn().size() - 1);
            MapOutline selected = outlines.get(outlines.size() - 1);
            assertThat(selected.emphasis()).isTrue();
            assertThat(selected.corners()).isEqualTo(best.footprint());
            assertThat(selected.points()).isNotEmpty();
            assertThat(FindOnMapViewModel.describe(1, best)).startsWith("1. 46.84").contains("inliers");
            assertThat(entries(inv, "image_match_search")).isEqualTo(1);

            f.vm().accept();
            assertThat(f.accepted()).hasSize(1);
            GeolocationPin pin = inv.verification().pins(f.incident().id()).get(0);
            assertThat(pin.id()).isEqualTo(f.accepted().get(0).id());
            assertThat(pin.method()).startsWith("image match").contains("score");
            assertThat(pin.accepted()).isFalse();
            assertThat(pin.target()).isEqualTo(best.center());
            assertThat(pin.matchedFeatures()).isNotEmpty()
                    .allSatisfy(m -> assertThat(m.frame()).contains(new FindOnMapViewModel.FrameToLocate(f.item(), 0, photo)
                            .reference()));
            assertThat(f.vm().statusProperty().get()).contains("image match").contains("not verified");
            assertThat(f.vm().candidates()).doesNotContain(best);
            assertThat(entries(inv, "image_match_decision")).isEqualTo(1);
            assertThat(inv.incidents().get(f.incident().id()).status()).isEqualTo(org.groundtruth.core.verify.VerificationStatus.UNVERIFIED);
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();
        }
    }

    @Test
    void aRejectedPlaceIsNotOfferedAgainForThatFrameAndTheSecondSearchIsServedFromTheCache() {
        Fixture f = fixture(new Inline(), Optional.of(NEAR_TRUTH));
        try (Investigation inv = f.inv()) {
            f.vm().search();
            int found = f.vm().candidates().size();
            assertThat(found).isPositive();
            f.vm().selectedProperty().set(f.vm().candidates().get(0));
            f.vm().reject();
            assertThat(f.vm().statusProperty().get()).contains("Rejected");
            assertThat(f.vm().candidates()).hasSize(found - 1);

            f.vm().search();
            assertThat(f.vm().candidates()).hasSize(found - 1);
            assertThat(f.vm().statusProperty().get()).contains("1 rejected earlier hidden").contains("from the cache");
            assertThat(inv.verification().pins(f.incident().id())).isEmpty();
            assertThat(entries(inv, "image_match_search")).isEqualTo(2);
        }
    }

    @Test
    void aViewAwayFromTheLayerNoLayerAndCancellingLeaveAMessageAndNothingElse() {
        Inline background = new Inline();
        SearchArea kyiv = new SearchArea(30.50, 50.44, 30.53, 50.46);
        Fixture f = fixture(background, Optional.of(kyiv));
        try (Investigation inv = f.inv()) {
            f.vm().search();
            assertThat(f.vm().statusProperty().get()).contains("does not overlap").contains("Brighton ortho");
            assertThat(f.vm().candidates()).isEmpty();
            assertThat(f.vm().runningProperty().get()).isFalse();

            f.vm().areaProperty().set(FindOnMapViewModel.Area.WHOLE_LAYER);
            background.cancelled = true;
            f.vm().search();
            assertThat(f.vm().statusProperty().get()).contains("cancelled");
            assertThat(f.vm().runningProperty().get()).isFalse();

            f.vm().setReferenceSource(List::of);
            f.vm().open(new FindOnMapViewModel.FrameToLocate(f.item(), 0, photo));
            assertThat(f.vm().referenceProperty().get()).isNull();
            assertThat(f.vm().statusProperty().get()).contains("No imagery layer");
            f.vm().search();
            assertThat(f.vm().statusProperty().get()).contains("No imagery layer");
            f.vm().accept();
            assertThat(f.vm().statusProperty().get()).contains("Select a candidate first");

            assertThat(entries(inv, "image_match_search")).isZero();
            assertThat(inv.verification().pins(f.incident().id())).isEmpty();
        }
    }
}
