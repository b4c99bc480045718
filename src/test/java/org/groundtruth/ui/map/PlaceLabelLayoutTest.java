package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.map.TestData;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.basemap.PlaceLabels;
import org.groundtruth.map.basemap.ViewLabels;
import org.groundtruth.map.offline.ViewRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame's labels laid out as the map canvas lays them out, without a toolkit, on the shipped basemap: Kyiv at
 * zoom 6–10 with double-tap labels crowded onto the places, and views whose edge cuts labels. Every place label drawn
 * lies wholly inside the view and meets no overlay label, the scale bar, the attribution, a coverage tag or another
 * place label; a label drawn in two overlapping views sits at the same world position in both.
 */
class PlaceLabelLayoutTest {
    private static final LatLon KYIV = new LatLon(50.4501, 30.5234);
    private static final LatLon KHARKIV = new LatLon(49.9935, 36.2304);
    private static final LatLon ODESA = new LatLon(46.4825, 30.7233);
    private static BasemapRenderer english;
    private static BasemapRenderer ukrainian;

    @BeforeAll
    static void open() {
        english = BasemapRenderer.open(TestData.maps(MapsDirectory.BASEMAP));
        ukrainian = BasemapRenderer.open(TestData.maps(MapsDirectory.BASEMAP), true);
    }

    @AfterAll
    static void close() {
        english.close();
        ukrainian.close();
    }

    /** The canvas's reserved chrome for a map of this size: attribution bottom right, scale bar bottom left. */
    private static List<LabelPlacer.Box> chrome(double w, double h) {
        LabelPlacer.Box attribution = new LabelPlacer.Box(w - 430, h - 16, 430, 16);
        LabelPlacer.Box scale = new LabelPlacer.Box(6, h - 34, 190, 28);
        return List.of(attribution, scale);
    }

    /** Double-tap labels ending on the places of the view, several per place, as a crowded month looks. */
    private static List<MapLabelLayout.Request> crowdOnto(BasemapRenderer basemap, MapViewport v, int perPlace) {
        List<MapLabelLayout.Request> requests = new ArrayList<>();
        List<PlaceLabels.Placed> placed = basemap.labels(v.zoom(), v.left(), v.top(), v.width(), v.height()).labels();
        int i = 0;
        for (PlaceLabels.Placed p : placed) {
            if (p.layer() != org.groundtruth.map.basemap.BasemapLayer.PLACE_LABEL || i++ % 2 != 0) {
                continue;
            }
            for (int k = 0; k < perPlace; k++) {
                requests.add(new MapLabelLayout.Request("2025-07-0" + (k + 1) + " → 2025-07-0" + (k + 1) + ", 35 min, 120 m",
                        p.dotX() - v.left() + 3 * k, p.dotY() - v.top() - 2 * k, 236, 18));
            }
        }
        return requests;
    }

    private static MapLabelLayout.Result layOut(BasemapRenderer basemap, MapViewport v, List<MapLabelLayout.Request> requests,
            List<LabelPlacer.Box> tags) {
        return MapLabelLayout.layout(v, chrome(v.width(), v.height()), tags, requests,
                basemap.labels(v.zoom(), v.left(), v.top(), v.width(), v.height()));
    }

    @Test
    void crowdedKyivViewsDrawNoPlaceLabelCutOrUnderAnOverlayLabel() {
        int places = 0;
        int overlays = 0;
        for (BasemapRenderer basemap : List.of(english, ukrainian)) {
            for (int zoom = 6; zoom <= 10; zoom++) {
                for (double[] size : new double[][] {{1366, 768}, {820, 560}, {420, 500}}) {
                    MapViewport v = MapViewport.centredOn(KYIV, zoom, size[0], size[1]);
                    List<MapLabelLayout.Request> requests = crowdOnto(basemap, v, 3);
                    List<LabelPlacer.Box> tags = List.of(new LabelPlacer.Box(size[0] / 2 - 80, 8, 160, 19));
                    MapLabelLayout.Result result = layOut(basemap, v, requests, tags);
                    assertThat(requests).as("crowd at z%d", zoom).isNotEmpty();
                    long drawnOverlays = result.overlay().stream().filter(Optional::isPresent).count();
                    assertThat(drawnOverlays).as("overlay labels placed at z%d", zoom).isPositive();
                    overlays += drawnOverlays;
                    places += result.places().size();
                    List<LabelPlacer.Box> obstacles = new ArrayList<>(result.placer().taken());
                    obstacles.addAll(tags);
                    assertClear(v, result.places(), obstacles);
                }
            }
        }
        assertThat(places).as("place labels drawn beside the crowd").isGreaterThan(30);
        assertThat(overlays).isGreaterThan(30);
    }

    @Test
    void viewsWhoseEdgeCutsLabelsLeaveThemOutOrMoveThemInside() {
        int moved = 0;
        int cutAtHome = 0;
        for (LatLon centre : List.of(KYIV, KHARKIV, ODESA)) {
            for (int zoom = 5; zoom <= 10; zoom++) {
                MapViewport wide = MapViewport.centredOn(centre, zoom, 1600, 1200);
                for (PlaceLabels.Placed p : english.labels(zoom, wide.left(), wide.top(), 1600, 1200).labels()) {
                    Rectangle2D box = p.box();
                    // the left edge through the label's text, the top edge through its middle
                    MapViewport v = new MapViewport(box.getCenterX() + 450, box.getCenterY() + 300, zoom, 900, 600);
                    MapLabelLayout.Result result = layOut(english, v, List.of(), List.of());
                    cutAtHome++;
                    assertClear(v, result.places(), result.placer().taken());
                    assertThat(result.places()).as("a label whose own spot is cut is never drawn there")
                            .noneMatch(s -> s.label().id() == p.id() && !s.moved());
                    moved += (int) result.places().stream().filter(ViewLabels.Shown::moved).count();
                }
            }
        }
        assertThat(cutAtHome).isGreaterThan(50);
        assertThat(moved).as("some labels cut by the edge took another of their spots").isPositive();
    }

    @Test
    void aLabelSitsAtTheSameWorldPositionInOverlappingViews() {
        for (int zoom = 6; zoom <= 10; zoom++) {
            MapViewport a = MapViewport.centredOn(KYIV, zoom, 1366, 768);
            MapViewport b = new MapViewport(a.centerX() + 333, a.centerY() + 211, zoom, 1366, 768);
            MapLabelLayout.Result ra = layOut(english, a, List.of(), List.of());
            MapLabelLayout.Result rb = layOut(english, b, List.of(), List.of());
            Map<Long, ViewLabels.Shown> inB = rb.places().stream()
                    .collect(Collectors.toMap(s -> s.label().id(), s -> s, (x, y) -> x));
            List<Rectangle2D> chromeB = rb.placer().taken().stream().map(box -> MapLabelLayout.world(b, box)).toList();
            Rectangle2D viewB = new Rectangle2D.Double(b.left(), b.top(), b.width(), b.height());
            int shared = 0;
            for (ViewLabels.Shown s : ra.places()) {
                if (s.moved()) {
                    continue;
                }
                boolean fitsB = viewB.contains(s.box()) && viewB.contains(s.label().dotBox())
                        && chromeB.stream().noneMatch(c -> c.intersects(s.box()) || c.intersects(s.label().dotBox()));
                if (fitsB) {
                    shared++;
                    assertThat(inB).as("%s drawn in both views", s.lines().get(0).text()).containsKey(s.label().id());
                    assertThat(inB.get(s.label().id()).box()).as("%s at the same place", s.lines().get(0).text())
                            .isEqualTo(s.box());
                }
            }
            assertThat(shared).as("labels common to both views at z%d", zoom).isGreaterThan(3);
        }
    }

    @Test
    void theCanvasPathPlacesMissingBlocksOffTheCallingThreadAndThenAnswersThemAll() throws Exception {
        try (BasemapRenderer fresh = BasemapRenderer.open(TestData.maps(MapsDirectory.BASEMAP))) {
            MapViewport v = MapViewport.centredOn(KYIV, 8, 1366, 768);
            java.util.concurrent.Semaphore ready = new java.util.concurrent.Semaphore(0);
            List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
            Runnable whenReady = () -> {
                threads.add(Thread.currentThread().getName());
                ready.release();
            };
            BasemapRenderer.BlockLabels first = fresh.readyLabels(8, v.left(), v.top(), v.width(), v.height(), whenReady);
            assertThat(first.complete()).as("nothing placed yet").isFalse();
            assertThat(first.labels()).isEmpty();
            BasemapRenderer.BlockLabels now = first;
            for (int round = 0; round < 200 && !now.complete(); round++) {
                assertThat(ready.tryAcquire(60, TimeUnit.SECONDS)).as("a block placed within a minute").isTrue();
                now = fresh.readyLabels(8, v.left(), v.top(), v.width(), v.height(), whenReady);
            }
            assertThat(now.complete()).isTrue();
            assertThat(now.labels()).isEqualTo(fresh.labels(8, v.left(), v.top(), v.width(), v.height()).labels());
            assertThat(threads).allMatch(name -> name.equals("basemap-labels"));
        }
    }

    @Test
    void mapRenderDrawsLabelsWhollyInsideTheImageAndClearOfTheAttribution() throws Exception {
        for (BasemapRenderer basemap : List.of(english, ukrainian)) {
            for (int zoom = 6; zoom <= 10; zoom++) {
                int w = 700;
                int h = 420;
                var image = ViewRenderer.render(List.of(basemap), KYIV, zoom, w, h, MapStyle.DARK);
                assertThat(image.getWidth()).isEqualTo(w);
                double world = WebMercator.worldSize(zoom);
                double left = WebMercator.normX(KYIV.lon()) * world - w / 2.0;
                double top = WebMercator.normY(KYIV.lat()) * world - h / 2.0;
                List<Rectangle2D> credits = List.of(new Rectangle2D.Double(w - 440, h - 16, 440, 16));
                List<ViewLabels.Shown> shown = ViewRenderer.placeLabels(basemap, zoom, left, top, w, h, credits);
                assertThat(shown).isNotEmpty();
                MapViewport v = new MapViewport(left + w / 2.0, top + h / 2.0, zoom, w, h);
                assertClear(v, shown, List.of(new LabelPlacer.Box(w - 440, h - 16, 440, 16)));
            }
        }
    }

    /** Every label and dot wholly in the view, clear of every obstacle (canvas pixels) and of each other. */
    private static void assertClear(MapViewport v, List<ViewLabels.Shown> shown, List<LabelPlacer.Box> obstacles) {
        Rectangle2D view = new Rectangle2D.Double(v.left(), v.top(), v.width(), v.height());
        List<Rectangle2D> world = obstacles.stream().map(b -> MapLabelLayout.world(v, b)).toList();
        for (int i = 0; i < shown.size(); i++) {
            ViewLabels.Shown s = shown.get(i);
            String name = s.lines().get(0).text() + " z" + v.zoom();
            assertThat(view.contains(s.box())).as("%s wholly inside %s", name, view).isTrue();
            if (s.label().dotRadius() > 0) {
                assertThat(view.contains(s.label().dotBox())).as("%s's dot inside", name).isTrue();
            }
            for (Rectangle2D o : world) {
                assertThat(s.box().intersects(o)).as("%s meets %s", name, o).isFalse();
                assertThat(s.label().dotRadius() > 0 && s.label().dotBox().intersects(o)).as("%s's dot under %s", name, o)
                        .isFalse();
            }
            for (int j = i + 1; j < shown.size(); j++) {
                ViewLabels.Shown t = shown.get(j);
                assertThat(s.box().intersects(t.box())).as("%s meets %s", name, t.lines().get(0).text()).isFalse();
                assertThat(t.label().dotRadius() > 0 && s.box().intersects(t.label().dotBox()))
                        .as("%s covers the dot of %s", name, t.lines().get(0).text()).isFalse();
                assertThat(s.label().dotRadius() > 0 && t.box().intersects(s.label().dotBox()))
                        .as("%s covers the dot of %s", t.lines().get(0).text(), name).isFalse();
            }
        }
    }
}
