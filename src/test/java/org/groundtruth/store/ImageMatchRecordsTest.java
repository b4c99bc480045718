package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchConfidence;
import org.groundtruth.core.geolocate.MatchVerdict;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.incident.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageMatchRecordsTest {
    private static final String ANALYST = "Олена";
    @TempDir
    Path tmp;

    @Test
    void cellFeaturesRoundTripThroughTheInvestigation() {
        try (Investigation inv = TestInvestigations.open(tmp)) {
            var cache = inv.imageMatches().featureCache();
            CellKey key = new CellKey("ortho.tif:1:2", "sift-1500", 19, 512, 131_000, 190_000);
            assertThat(cache.get(key)).isEmpty();
            CellFeatures features = new CellFeatures(2, new float[] {1.5f, 2.25f, 511f, 0f}, new byte[256], 128);
            features.descriptors()[5] = (byte) 200;
            cache.put(key, features);
            assertThat(cache.get(key)).contains(features);
            assertThat(cache.get(new CellKey("ortho.tif:1:2", "sift-1500", 18, 512, 131_000, 190_000))).isEmpty();
        }
    }

    @Test
    void acceptCreatesAnImageMatchPinAndRejectIsRememberedForTheFrame() {
        try (Investigation inv = TestInvestigations.open(tmp)) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по пожежній машині"), ANALYST, "");
            String evidence = inv.evidence().importFile(Path.of("..", "shared", "data", "aerial", "brighton-beach", "images",
                    "DJI_0026.JPG"), EvidenceService.ImportRequest.PLAIN, ANALYST, ProgressMonitor.NONE).item().id();
            FrameReference frame = new FrameReference(evidence, 0);
            MatchCandidate good = candidate(new LatLon(46.842675, -91.993950), 91);
            MatchCandidate wrong = candidate(new LatLon(46.8430, -91.9945), 14);

            GeolocationPin pin = inv.imageMatches().accept(incident.id(), frame, good, "ortho.tif", ANALYST);
            assertThat(pin.method()).startsWith(ImageMatchRecords.METHOD).contains("91 inliers");
            assertThat(pin.target()).isEqualTo(good.center());
            assertThat(pin.precisionMeters()).isEqualTo(good.precisionMeters());
            assertThat(pin.referenceLayer()).isEqualTo("ortho.tif");
            assertThat(pin.matchedFeatures()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.frame()).contains(frame));
            assertThat(pin.accepted()).isFalse();

            inv.imageMatches().reject(frame, wrong, "ortho.tif", ANALYST);
            assertThat(inv.imageMatches().decisions(frame)).extracting(d -> d.verdict())
                    .containsExactly(MatchVerdict.ACCEPTED, MatchVerdict.REJECTED);
            assertThat(inv.imageMatches().decisions(frame).get(0).pinId()).contains(pin.id());
            assertThat(inv.imageMatches().withoutRejected(frame, List.of(good, wrong), 5)).containsExactly(good);
            assertThat(inv.imageMatches().withoutRejected(new FrameReference(evidence, 7), List.of(good, wrong), 5))
                    .containsExactly(good, wrong);
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();

            assertThatThrownBy(() -> inv.imageMatches().reject(new FrameReference("ev-0000000000", 0), wrong, "o", ANALYST))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("ev-0000000000");
        }
    }

    private static MatchCandidate candidate(LatLon center, int inliers) {
        List<LatLon> footprint = List.of(new LatLon(center.lat() + 1e-4, center.lon() - 1e-4), new LatLon(center.lat() + 1e-4, center.lon() + 1e-4),
                new LatLon(center.lat() - 1e-4, center.lon() + 1e-4), new LatLon(center.lat() - 1e-4, center.lon() - 1e-4));
        List<MatchedPoint> points = List.of(new MatchedPoint(100, 200, center), new MatchedPoint(3000, 1500, center));
        return new MatchCandidate(center, footprint, inliers, 0.4, 0.12, inliers * 1.5, MatchConfidence.STRONG, 0.2, 19,
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 4000, 2250, points, 1);
    }
}
