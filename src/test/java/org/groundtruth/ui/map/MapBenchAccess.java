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

    /** The map canvas's place-label sprites (kept between frames, as the canvas keeps them). */
    public static Object placeLabelSprites() {
        return new PlaceLabelSprites(() -> { });
    }

    /**
     * One frame's labels as the canvas does them: the investigator's labels ({@code overlay}: anchor x, y in canvas
     * pixels, each 236×18) placed first, then the basemap's ready place labels laid out around them and drawn as
     * sprites. Returns {layout nanoseconds, drawing nanoseconds, place labels laid out, overlay labels placed, place
     * labels drawn (those whose image was ready)}.
     */
    public static long[] paintLabels(GraphicsContext g, Object sprites, org.groundtruth.map.basemap.BasemapRenderer basemap,
            MapViewport view, List<double[]> overlay, org.groundtruth.map.MapStyle style) {
        long start = System.nanoTime();
        List<MapLabelLayout.Request> requests = overlay.stream()
                .map(a -> new MapLabelLayout.Request("2025-07-03 → 2025-07-03, 35 min, 120 m", a[0], a[1], 236, 18)).toList();
        var places = basemap.readyLabels(view.zoom(), view.left(), view.top(), view.width(), view.height(), () -> { });
        MapLabelLayout.Result layout = MapLabelLayout.layout(view,
                List.of(new LabelPlacer.Box(view.width() - 430, view.height() - 16, 430, 16),
                        new LabelPlacer.Box(6, view.height() - 34, 190, 28)), List.of(), requests, places);
        long laidOut = System.nanoTime();
        int images = ((PlaceLabelSprites) sprites).draw(g, layout.places(), view, style);
        long drawn = System.nanoTime();
        return new long[] {laidOut - start, drawn - laidOut, layout.places().size(),
            layout.overlay().stream().filter(java.util.Optional::isPresent).count(), images};
    }
}
