package org.groundtruth.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view's choice among placed labels, on hand-made labels: cut, covered, moved, and only moved when safe. */
class ViewLabelsTest {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Rectangle2D VIEW = new Rectangle2D.Double(0, 0, 300, 200);

    private static PlaceLabels.Spot spot(double x, double y) {
        return new PlaceLabels.Spot(List.of(new PlaceLabels.Line("Ніжин", FONT, false, x + 2, y + 12)),
                new Rectangle2D.Double(x, y, 50, 16));
    }

    /** A place at (dotX, 100) with its text right of the dot and the left spot as the alternative. */
    private static PlaceLabels.Placed place(long id, double dotX) {
        PlaceLabels.Spot right = spot(dotX + 5, 92);
        PlaceLabels.Spot left = spot(dotX - 55, 92);
        return new PlaceLabels.Placed(BasemapLayer.PLACE_LABEL, 5, id, 2, right.lines(), dotX, 100, 2, right.box(),
                List.of(left));
    }

    @Test
    void aLabelCutByTheEdgeMovesInsideOnlyWhenTheWholeViewIsKnown() {
        PlaceLabels.Placed cut = place(1, 280);
        assertThat(ViewLabels.choose(List.of(cut), VIEW, List.of(), false)).as("blocks still to come").isEmpty();
        List<ViewLabels.Shown> shown = ViewLabels.choose(List.of(cut), VIEW, List.of(), true);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).moved()).isTrue();
        assertThat(VIEW.contains(shown.get(0).box())).isTrue();
    }

    @Test
    void aLabelWhoseDotIsCoveredOrCutIsLeftOutWithItsDot() {
        PlaceLabels.Placed covered = place(1, 100);
        Rectangle2D overlayLabel = new Rectangle2D.Double(95, 95, 10, 10);
        assertThat(ViewLabels.choose(List.of(covered), VIEW, List.of(overlayLabel), true)).isEmpty();
        PlaceLabels.Placed offEdge = place(2, 299.5);
        assertThat(ViewLabels.choose(List.of(offEdge), VIEW, List.of(), true)).isEmpty();
    }

    @Test
    void aLabelUnderAnOverlayLabelMovesClearOfItAndOfOtherLabels() {
        PlaceLabels.Placed a = place(1, 100);
        Rectangle2D overlay = new Rectangle2D.Double(104, 80, 120, 30);
        List<ViewLabels.Shown> shown = ViewLabels.choose(List.of(a), VIEW, List.of(overlay), true);
        assertThat(shown).singleElement().satisfies(s -> {
            assertThat(s.moved()).isTrue();
            assertThat(s.box().intersects(overlay)).isFalse();
        });
        // another label already at home in the left spot: the moved one has nowhere to go
        PlaceLabels.Placed neighbour = new PlaceLabels.Placed(BasemapLayer.PLACE_LABEL, 1, 2, 1, spot(40, 90).lines(), 30,
                60, 2, spot(40, 90).box(), List.of());
        assertThat(ViewLabels.choose(List.of(a, neighbour), VIEW, List.of(overlay), true))
                .extracting(s -> s.label().id()).containsExactly(2L);
    }
}
