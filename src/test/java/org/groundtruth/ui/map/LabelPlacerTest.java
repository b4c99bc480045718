package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    @Test
    void labelsAtTheSameAnchorTakeDifferentPlacesAndNeverOverlap() {
        LabelPlacer placer = new LabelPlacer(800, 600);
        List<LabelPlacer.Box> placed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            placer.place(400, 300, 120, 18).ifPresent(placed::add);
        }
        assertThat(placed).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(placed.get(i).intersects(placed.get(j))).as("%s and %s", placed.get(i), placed.get(j)).isFalse();
            }
        }
    }

    @Test
    void aLabelAtTheRightOrTopEdgeTurnsInwards() {
        LabelPlacer placer = new LabelPlacer(400, 300);
        LabelPlacer.Box right = placer.place(395, 150, 100, 18).orElseThrow();
        assertThat(right.x() + right.width()).isLessThanOrEqualTo(400);
        assertThat(right.x()).isLessThan(395);
        LabelPlacer.Box top = placer.place(100, 3, 100, 18).orElseThrow();
        assertThat(top.y()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void reservedAreasAreAvoidedAndACrowdedLabelIsLeftOut() {
        LabelPlacer placer = new LabelPlacer(300, 200);
        LabelPlacer.Box scaleBar = new LabelPlacer.Box(6, 166, 140, 28);
        placer.reserve(scaleBar);
        LabelPlacer.Box near = placer.place(60, 175, 60, 18).orElseThrow();
        assertThat(near.intersects(scaleBar)).isFalse();

        LabelPlacer full = new LabelPlacer(100, 100);
        full.reserve(new LabelPlacer.Box(0, 0, 100, 100));
        assertThat(full.place(50, 50, 20, 10)).isEqualTo(Optional.empty());
        assertThat(full.place(50, 50, 200, 10)).as("wider than the map").isEmpty();
    }

    @Test
    void aBoxNeedsAFiniteSize() {
        assertThatThrownBy(() -> new LabelPlacer.Box(0, 0, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabelPlacer.Box(Double.NaN, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
