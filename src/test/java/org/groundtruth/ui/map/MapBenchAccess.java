package org.groundtruth.ui.map;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/** Lets the benchmark (another package) paint markers exactly as the map canvas does. */
public final class MapBenchAccess {
    private MapBenchAccess() {
    }

    /** Clusters and paints as a frame of the map does; returns the number of discs drawn. */
    public static int paintClustered(GraphicsContext g, MarkerIndex index, MapViewport view) {
        List<MarkerIndex.Cluster> clusters = index.cluster(view, MapCanvas.CLUSTER_CELL_PX);
        MarkerPainter.paint(g, clusters);
        return clusters.size();
    }

    /** One disc per visible incident: the naive baseline. */
    public static int paintNaive(GraphicsContext g, MarkerIndex index, MapViewport view) {
        int[] drawn = {0};
        MarkerPainter.paintEach(g, index, view);
        index.forEachVisible(view, (i, x, y, s) -> drawn[0]++);
        return drawn[0];
    }

    /** The incidents-per-region frame for {@code counts}, built as the layer builds it in the background. */
    public static Object regionFrame(java.util.Map<String, Long> counts) {
        try (MapViewModel map = new MapViewModel(new InlineBackground(), java.util.Optional.of(java.nio.file.Path.of("maps")),
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return map.choropleth().build(counts, "Filter: all incidents", "", false);
        }
    }

    /** Paints the frame as the map canvas does; returns the rings drawn. */
    public static int paintRegions(GraphicsContext g, Object frame, MapViewport view) {
        return new ChoroplethPainter().paint(g, view, (ChoroplethFrame) frame, RegionChoropleth.DEFAULT_OPACITY);
    }

    /** Baseline: every ring at full detail, projected per frame, no simplification or clipping. */
    public static int paintRegionsNaive(GraphicsContext g, Object frame, MapViewport view) {
        double world = org.groundtruth.map.WebMercator.worldSize(view.zoom());
        int drawn = 0;
        g.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        for (ShadedRegion region : ((ChoroplethFrame) frame).regions()) {
            if (region.projected().isEmpty()) {
                continue;
            }
            g.setFill(region.fill().orElseThrow().deriveColor(0, 1, 1, RegionChoropleth.DEFAULT_OPACITY));
            g.beginPath();
            for (double[] ring : region.projected().get().rings(ProjectedRegion.MAX_DETAIL_ZOOM)) {
                for (int i = 0; i < ring.length / 2; i++) {
                    double x = ring[2 * i] * world - view.left();
                    double y = ring[2 * i + 1] * world - view.top();
                    if (i == 0) {
                        g.moveTo(x, y);
                    } else {
                        g.lineTo(x, y);
                    }
                }
                g.closePath();
                drawn++;
            }
            g.fill();
        }
        return drawn;
    }
}
