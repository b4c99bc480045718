package org.groundtruth.ui.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.Region;
import org.groundtruth.map.gazetteer.RegionOutline;
import org.groundtruth.map.gazetteer.RegionOutlines;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The "Incidents per region" map layer (issue 7), without a toolkit: takes the dashboard's counts per admin-1
 * region with the filter that produced them, finds each region's outline in the gazetteer, classes the counts and
 * projects the filled outlines, all in the background (outlines are read once, projections are cached per region).
 * The canvas paints the published {@link ChoroplethFrame}; nothing is computed while painting.
 */
public final class RegionChoropleth {
    static final double DEFAULT_OPACITY = 0.6;

    private final Background background;
    private volatile Optional<Gazetteer> gazetteer;
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final DoubleProperty opacity = new SimpleDoubleProperty(DEFAULT_OPACITY);
    private final SimpleObjectProperty<ChoroplethFrame> frame = new SimpleObjectProperty<>(ChoroplethFrame.EMPTY);
    private final StringProperty message = new SimpleStringProperty("");
    private final Map<String, ProjectedRegion> projections = new ConcurrentHashMap<>();
    private volatile Optional<RegionOutlines> outlines = Optional.empty();
    private Map<String, Long> counts = Map.of();
    private String filterText = "";
    private String summary = "";
    private long generation;

    RegionChoropleth(Background background, Optional<Gazetteer> gazetteer) {
        this.background = background;
        this.gazetteer = gazetteer;
        visible.addListener((o, was, now) -> {
            if (now) {
                rebuild();
            }
        });
    }

    /** The shipped gazetteer once it is open (it is opened in the background); a layer already shown is drawn now. */
    void useGazetteer(Optional<Gazetteer> opened) {
        gazetteer = opened;
        if (visible.get() && opened.isPresent()) {
            message.set("");
            rebuild();
        }
    }

    /**
     * New numbers from the dashboard.
     *
     * @param counts incidents per admin-1 region name, as the incidents record it
     * @param filterText the filter that produced them, as the dashboard shows it
     * @param summary the dashboard's line on what was counted and what was left out
     */
    public void show(Map<String, Long> counts, String filterText, String summary) {
        this.counts = Map.copyOf(counts);
        this.filterText = filterText;
        this.summary = summary;
        if (visible.get()) {
            rebuild();
        }
    }

    private void rebuild() {
        if (gazetteer.isEmpty()) {
            message.set(I18n.t("map.noRegions"));
            return;
        }
        Map<String, Long> wanted = counts;
        String filter = filterText;
        String line = summary;
        boolean ukrainian = I18n.isUkrainian();
        long mine = ++generation;
        background.run(I18n.t("task.regions"), progress -> build(wanted, filter, line, ukrainian), built -> {
            if (mine == generation) {
                frame.set(built);
            }
        }, error -> message.set(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    /** Runs in the background. */
    ChoroplethFrame build(Map<String, Long> wanted, String filter, String line, boolean ukrainian) {
        RegionOutlines all = outlines();
        ChoroplethClasses classes = ChoroplethClasses.of(wanted.values());
        Map<Region, Long> found = new java.util.HashMap<>();
        Map<Region, RegionOutline> outlineOf = new java.util.HashMap<>();
        long notOnMap = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Long> e : wanted.entrySet()) {
            Optional<RegionOutline> outline = all.find(e.getKey());
            if (outline.isPresent()) {
                found.merge(outline.get().region(), e.getValue(), Long::sum);
                outlineOf.put(outline.get().region(), outline.get());
            } else if (e.getValue() > 0) {
                notOnMap += e.getValue();
                missing.add(e.getKey());
            }
        }
        Set<String> countries = new HashSet<>();
        found.keySet().forEach(r -> countries.add(r.countryCode()));
        // Hovering names every region of the countries concerned, with its count (zero included).
        for (RegionOutline o : all.inCountries(countries)) {
            outlineOf.putIfAbsent(o.region(), o);
        }
        List<ShadedRegion> shaded = new ArrayList<>();
        for (RegionOutline o : outlineOf.values()) {
            long count = found.getOrDefault(o.region(), 0L);
            Optional<javafx.scene.paint.Color> fill = classes.colourOf(count);
            Optional<ProjectedRegion> projected = fill.map(f -> projections.computeIfAbsent(
                    o.region().iso() + "|" + o.region().name(), k -> ProjectedRegion.of(o.shape())));
            String name = ukrainian ? o.region().ukrainianName() : o.region().admin1Name();
            shaded.add(new ShadedRegion(name, count, fill, projected, PreparedGeometryFactory.prepare(o.shape())));
        }
        shaded.sort(java.util.Comparator.comparingLong(ShadedRegion::count));
        java.util.Collections.sort(missing);
        return new ChoroplethFrame(shaded, classes, filter, line, notOnMap, missing, ChoroplethFrame.index(shaded));
    }

    private synchronized RegionOutlines outlines() {
        if (outlines.isEmpty()) {
            outlines = Optional.of(new RegionOutlines(gazetteer.orElseThrow().regionOutlines()));
        }
        return outlines.get();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** What to paint and the legend's content; replaced as a whole when new numbers are ready. */
    ReadOnlyObjectProperty<ChoroplethFrame> frameProperty() {
        return frame;
    }

    /** Why the layer cannot be shown (no gazetteer), else empty. */
    public StringProperty messageProperty() {
        return message;
    }
}
