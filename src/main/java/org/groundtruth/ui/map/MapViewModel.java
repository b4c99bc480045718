package org.groundtruth.ui.map;

import org.groundtruth.ui.common.I18n;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.geo.CoordinateFormat;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.PathMeasurement;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileLoader;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.basemap.BasemapBuilder;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.Place;
import org.groundtruth.map.gazetteer.ReverseResult;
import org.groundtruth.map.imagery.ImageryFiles;
import org.groundtruth.map.imagery.OfflineArea;
import org.groundtruth.map.imagery.XyzTileSource;
import org.groundtruth.ui.common.Background;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map's state and actions, without a toolkit: viewport, layers, incident markers and selection, pins,
 * measuring, go-to and place search. All file and network work goes through {@link Background}.
 */
public final class MapViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MapViewModel.class);
    static final int SEARCH_LIMIT = 12;
    /** Zoom used when the map centres on one point (a search result, a go-to, a selected incident). */
    static final int POINT_ZOOM = 13;

    private final Background background;
    private final java.util.function.Supplier<Path> tileCacheDirectory;
    private final TileLoader tileLoader = new TileLoader(Math.max(2, Runtime.getRuntime().availableProcessors()), 768);
    private final ObjectProperty<MapViewport> viewport = new SimpleObjectProperty<>(
            MapViewport.centredOn(new LatLon(48.5, 31.5), 6, 1000, 700));
    private final ObservableList<MapLayer> layers = FXCollections.observableArrayList();
    private final java.util.Map<MapLayer, Path> imageryFiles = new java.util.IdentityHashMap<>();
    private final ObjectProperty<MarkerIndex> markers = new SimpleObjectProperty<>(MarkerIndex.EMPTY);
    private final ObjectProperty<Optional<Incident>> selectedIncident = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableList<GeolocationPin> pins = FXCollections.observableArrayList();
    private final StringProperty cursorText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty measuring = new SimpleBooleanProperty(false);
    private final ObservableList<LatLon> measurePoints = FXCollections.observableArrayList();
    private final StringProperty measureText = new SimpleStringProperty("");
    private final ObservableList<Place> searchResults = FXCollections.observableArrayList();
    private final IntegerProperty redraws = new SimpleIntegerProperty();
    private Optional<Gazetteer> gazetteer = Optional.empty();
    private Optional<Background.Job> runningSave = Optional.empty();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final RegionChoropleth choropleth;
    private final FlightLayer flight = new FlightLayer();

    /**
     * @param mapsDirectory the shipped {@code maps/} folder if found (basemap and gazetteer)
     * @param tileCacheDirectory where online tiles are cached (the workspace's cache folder)
     */
    private int coordinateFormatFirst;
    private final javafx.collections.ObservableList<MapLine> lines = javafx.collections.FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty picking = new javafx.beans.property.SimpleBooleanProperty(false);
    private Optional<java.util.function.Consumer<LatLon>> pickReceiver = Optional.empty();

    public MapViewModel(Background background, Optional<Path> mapsDirectory, Path tileCacheDirectory) {
        this(background, mapsDirectory, () -> tileCacheDirectory);
    }

    /** @param tileCacheDirectory asked when an online layer is added: the open workspace's cache folder */
    public MapViewModel(Background background, Optional<Path> mapsDirectory, java.util.function.Supplier<Path> tileCacheDirectory) {
        this.background = background;
        this.tileCacheDirectory = tileCacheDirectory;
        mapsDirectory.ifPresentOrElse(this::openShippedMaps,
                () -> message.set(I18n.t("map.noBasemap")));
        choropleth = new RegionChoropleth(background, gazetteer);
        choropleth.messageProperty().addListener((o, was, now) -> message.set(now));
        measurePoints.addListener((javafx.collections.ListChangeListener<LatLon>) c -> updateMeasureText());
    }

    private void openShippedMaps(Path maps) {
        try {
            layers.add(new MapLayer(BasemapRenderer.open(maps.resolve(BasemapBuilder.FILE_NAME)), true));
        } catch (BadInputException e) {
            LOG.warn("Basemap unavailable", e);
            message.set(e.getMessage());
        }
        try {
            gazetteer = Optional.of(Gazetteer.open(maps.resolve(Gazetteer.FILE_NAME)));
        } catch (BadInputException e) {
            LOG.warn("Gazetteer unavailable", e);
            message.set(e.getMessage());
        }
    }

    // ---- properties ----

    public ObjectProperty<MapViewport> viewportProperty() {
        return viewport;
    }

    /** Layers bottom first: the basemap, then imagery in the order added; the last is drawn on top. */
    public ObservableList<MapLayer> layers() {
        return layers;
    }

    public ObjectProperty<MarkerIndex> markersProperty() {
        return markers;
    }

    /** The selected incident; set it from the incident list and listen to it for clicks on the map. */
    public ObjectProperty<Optional<Incident>> selectedIncidentProperty() {
        return selectedIncident;
    }

    public ObservableList<GeolocationPin> pins() {
        return pins;
    }

    public StringProperty cursorTextProperty() {
        return cursorText;
    }

    /** The last error or notice for the status line (one sentence). */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty measuringProperty() {
        return measuring;
    }

    public ObservableList<LatLon> measurePoints() {
        return measurePoints;
    }

    public ReadOnlyStringProperty measureTextProperty() {
        return measureText;
    }

    public ObservableList<Place> searchResults() {
        return searchResults;
    }

    public TileLoader tileLoader() {
        return tileLoader;
    }

    /** Bumped when tiles arrive; the view redraws on change. */
    public IntegerProperty redrawsProperty() {
        return redraws;
    }

    /** The "Incidents per region" layer: the dashboard's counts shaded over the admin-1 outlines. */
    public RegionChoropleth choropleth() {
        return choropleth;
    }

    public boolean hasGazetteer() {
        return gazetteer.isPresent();
    }

    // ---- incidents and pins ----

    public void showIncidents(List<Incident> incidents) {
        markers.set(new MarkerIndex(incidents));
        selectedIncident.get().ifPresent(selected -> {
            if (incidents.stream().noneMatch(i -> i.id().equals(selected.id()))) {
                selectedIncident.set(Optional.empty());
            }
        });
    }

    public void showPins(List<GeolocationPin> shown) {
        pins.setAll(shown);
    }

    public void select(Optional<Incident> incident) {
        selectedIncident.set(incident);
    }

    /** Centres on the selected incident (or its pins) at a working zoom. */
    public void zoomToSelection() {
        Optional<LatLon> target = selectedIncident.get().flatMap(Incident::location)
                .or(() -> pins.stream().findFirst().map(GeolocationPin::target));
        target.ifPresentOrElse(p -> viewport.set(viewport.get().centredAt(p).withZoom(Math.max(viewport.get().zoom(), POINT_ZOOM))),
                () -> message.set(I18n.t("map.noLocation")));
    }

    // ---- navigation ----

    public void cursorMoved(LatLon position) {
        String mgrs = CoordinateFormat.mgrs(position);
        java.util.List<String> forms = new java.util.ArrayList<>(java.util.List.of(CoordinateFormat.decimal(position),
                CoordinateFormat.dms(position)));
        if (!mgrs.isEmpty()) {
            forms.add(mgrs);
        }
        // The analyst's chosen format comes first; the others stay for reference.
        int preferred = Math.min(forms.size() - 1, coordinateFormatFirst);
        forms.add(0, forms.remove(preferred));
        cursorText.set(String.join("   ", forms));
    }

    /** Which form leads the cursor position: 0 decimal, 1 DMS, 2 MGRS (the coordinate-format setting). */
    public void setPreferredCoordinateForm(int index) {
        coordinateFormatFirst = Math.max(0, Math.min(2, index));
    }

    /** Centres on pasted coordinates in any supported form; a bad input leaves the map where it is. */
    public boolean goTo(String text) {
        try {
            LatLon target = CoordinateParser.parse(text);
            viewport.set(viewport.get().centredAt(target).withZoom(Math.max(viewport.get().zoom(), POINT_ZOOM)));
            message.set(I18n.t("map.centred", CoordinateFormat.decimal(target), CoordinateFormat.dms(target)));
            return true;
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public void search(String text) {
        if (gazetteer.isEmpty()) {
            message.set(I18n.t("map.noGazetteer"));
            return;
        }
        if (text == null || text.isBlank()) {
            searchResults.clear();
            return;
        }
        Gazetteer g = gazetteer.get();
        background.run(I18n.t("map.task.search"), progress -> g.search(text, SEARCH_LIMIT), results -> {
            searchResults.setAll(results);
            if (results.isEmpty()) {
                message.set(I18n.t("map.noMatch", text.strip()));
            }
        }, this::fail);
    }

    public void showPlace(Place place) {
        viewport.set(viewport.get().centredAt(place.location()).withZoom(place.population() > 500_000 ? 10 : 12));
        message.set(place.name() + (place.admin1().isEmpty() ? "" : ", " + place.admin1()) + ", " + place.country());
    }

    /** Nearest place and admin-1 region for a point (for the incident form's place and region fields). */
    public void reverseLookup(LatLon point, Consumer<ReverseResult> onResult) {
        if (gazetteer.isEmpty()) {
            message.set(I18n.t("map.noReverse"));
            return;
        }
        Gazetteer g = gazetteer.get();
        background.run(I18n.t("map.task.reverse"), progress -> g.reverse(point), onResult, this::fail);
    }

    // ---- layers ----

    public void addImagery(Path file) {
        addImagery(file, layer -> { }, this::fail);
    }

    /** Opens an imagery file in the background; {@code then} gets its new layer, {@code failed} the error. */
    public void addImagery(Path file, Consumer<MapLayer> then, Consumer<Throwable> failed) {
        background.run(I18n.t("map.task.open", file.getFileName()), progress -> ImageryFiles.open(file),
                source -> then.accept(addLayer(source, Optional.of(file))), failed);
    }

    public Optional<MapLayer> addXyz(String template, String attribution, int maxZoom) {
        try {
            return Optional.of(addLayer(XyzTileSource.create(template, attribution, maxZoom, tileCacheDirectory.get()),
                    Optional.empty()));
        } catch (BadInputException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** The file an imagery layer was opened from; empty for the basemap and online layers. */
    public Optional<Path> imageryFile(MapLayer layer) {
        return Optional.ofNullable(imageryFiles.get(layer));
    }

    private MapLayer addLayer(TileSource source, Optional<Path> file) {
        MapLayer layer = new MapLayer(source, false);
        file.ifPresent(f -> imageryFiles.put(layer, f));
        layers.add(layer);
        message.set(I18n.t("map.added", source.name()));
        GeoBox bounds = source.bounds();
        if (!bounds.equals(GeoBox.WORLD) && !viewport.get().visibleBox().intersects(bounds)) {
            viewport.set(viewport.get().fit(bounds, Math.max(3, source.maxZoom())));
        }
        return layer;
    }

    public void removeLayer(MapLayer layer) {
        if (layer.isBasemap()) {
            layer.visibleProperty().set(false);
            return;
        }
        layers.remove(layer);
        imageryFiles.remove(layer);
        tileLoader.forget(layer.source());
        background.run(I18n.t("map.task.close", layer.name()), progress -> {
            layer.source().close();
            return layer;
        }, closed -> { }, this::fail);
    }

    /** Moves a layer one step towards the top ({@code up}) or the bottom of the drawing order. */
    public void moveLayer(MapLayer layer, boolean up) {
        int index = layers.indexOf(layer);
        int target = up ? index + 1 : index - 1;
        if (index < 0 || target < 0 || target >= layers.size()) {
            return;
        }
        layers.remove(index);
        layers.add(target, layer);
    }

    public void zoomToLayer(MapLayer layer) {
        viewport.set(viewport.get().fit(layer.source().bounds(), Math.max(2, layer.source().maxZoom())));
    }

    /** The attribution line for the visible layers. */
    public String attribution() {
        List<String> credits = new ArrayList<>();
        for (MapLayer layer : layers) {
            String credit = layer.source().attribution();
            if (layer.visibleProperty().get() && !credit.isBlank() && !credits.contains(credit)) {
                credits.add(credit);
            }
        }
        return String.join(" · ", credits);
    }

    public long estimateOfflineTiles(GeoBox box, int minZoom, int maxZoom) {
        return OfflineArea.estimateTiles(box, minZoom, maxZoom);
    }

    /** Saves the visible area of an online layer into an MBTiles file, then adds that file as a layer. */
    public void saveOffline(XyzTileSource source, GeoBox box, int minZoom, int maxZoom, Path target, long limit) {
        saving.set(true);
        message.set(I18n.t("map.saving"));
        runningSave = Optional.of(background.run(I18n.t("map.task.saveArea"),
                progress -> OfflineArea.save(source, box, minZoom, maxZoom, target, limit, progress),
                result -> {
                    runningSave = Optional.empty();
                    saving.set(false);
                    message.set(I18n.t("map.saved", result.written(), result.file().getFileName().toString(),
                            result.missing()));
                    addImagery(result.file());
                }, error -> {
                    runningSave = Optional.empty();
                    saving.set(false);
                    fail(error);
                }));
    }

    public void cancelSave() {
        runningSave.ifPresent(Background.Job::cancel);
    }

    /** True while an area is being saved for offline use (the view shows a cancel button). */
    public javafx.beans.property.ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    // ---- measuring ----

    /**
     * The next click on the map gives a point to {@code receiver} (a pin's target or camera) instead of selecting or
     * measuring; picking again replaces the receiver, Esc-like {@link #cancelPick()} drops it.
     */
    public void pickPoint(java.util.function.Consumer<LatLon> receiver) {
        pickReceiver = Optional.of(receiver);
        picking.set(true);
        messageProperty().set(org.groundtruth.ui.common.I18n.t("map.pickHint"));
    }

    public void cancelPick() {
        pickReceiver = Optional.empty();
        picking.set(false);
        messageProperty().set("");
    }

    void picked(LatLon point) {
        Optional<java.util.function.Consumer<LatLon>> receiver = pickReceiver;
        cancelPick();
        receiver.ifPresent(r -> r.accept(point));
    }

    /** The shown evidence item's flight track, drone, footprint or photo position. */
    public FlightLayer flight() {
        return flight;
    }

    /**
     * Brings {@code points} into view (a flight track, a photo's position): fits them, no closer than street level;
     * the map stays where it is when they are already on screen at a working zoom.
     */
    public void showPoints(List<LatLon> points) {
        if (points.isEmpty()) {
            return;
        }
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (LatLon p : points) {
            west = Math.min(west, p.lon());
            east = Math.max(east, p.lon());
            south = Math.min(south, p.lat());
            north = Math.max(north, p.lat());
        }
        MapViewport now = viewport.get();
        boolean onScreen = now.zoom() >= 14 && now.visibleBox().contains(new LatLon(south, west))
                && now.visibleBox().contains(new LatLon(north, east));
        if (!onScreen) {
            double padLon = Math.max(0.0015, (east - west) * 0.15);
            double padLat = Math.max(0.001, (north - south) * 0.15);
            GeoBox padded = new GeoBox(Math.max(-180, west - padLon), Math.max(-85, south - padLat),
                    Math.min(180, east + padLon), Math.min(85, north + padLat));
            viewport.set(now.fit(padded, 18));
        }
    }

    /** Lines drawn over the map for other features (a shadow direction, double-tap pairs). */
    public javafx.collections.ObservableList<MapLine> lines() {
        return lines;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty pickingProperty() {
        return picking;
    }

    public void addMeasurePoint(LatLon point) {
        measurePoints.add(point);
    }

    public void clearMeasurement() {
        measurePoints.clear();
    }

    public Optional<PathMeasurement> measurement() {
        return measurePoints.size() < 2 ? Optional.empty() : Optional.of(Geodesy.measurePath(List.copyOf(measurePoints)));
    }

    private void updateMeasureText() {
        if (measurePoints.isEmpty()) {
            measureText.set("");
        } else if (measurePoints.size() == 1) {
            measureText.set(I18n.t("map.measureFrom", CoordinateFormat.decimal(measurePoints.get(0))));
        } else {
            PathMeasurement path = measurement().orElseThrow();
            var last = path.legs().get(path.legs().size() - 1);
            String lastLeg = I18n.t("map.leg", org.groundtruth.ui.common.UnitText.distance(last.distanceMeters()),
                    last.initialAzimuthDegrees());
            measureText.set(path.legs().size() == 1 ? lastLeg
                    : I18n.t("map.measureTotal", org.groundtruth.ui.common.UnitText.distance(path.totalMeters()), lastLeg));
        }
    }

    private void fail(Throwable error) {
        if (error instanceof java.util.concurrent.CancellationException) {
            message.set(I18n.t("map.cancelled"));
            return;
        }
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message.set(text.lines().findFirst().orElse(text));
    }

    void tilesArrived() {
        redraws.set(redraws.get() + 1);
    }

    @Override
    public void close() {
        tileLoader.close();
        for (MapLayer layer : List.copyOf(layers)) {
            layer.source().close();
        }
        gazetteer.ifPresent(Gazetteer::close);
    }
}
