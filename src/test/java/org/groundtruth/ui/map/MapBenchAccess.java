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
}
