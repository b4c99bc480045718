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
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.ReverseResult;
import org.groundtruth.map.imagery.ImageryFiles;
import org.groundtruth.map.imagery.OfflineArea;
import org.groundtruth.map.imagery.XyzTileSource;
import org.groundtruth.map.offline.MapsforgeTileSource;
import org.groundtruth.map.osm.OsmTileSource;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.PlaceSearch;
import org.groundtruth.map.search.SearchHit;
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
    /** Zoom at which a street found by the search is shown: roads, names and buildings are all drawn. */
    static final int STREET_ZOOM = 17;

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
    private final ObjectProperty<org.groundtruth.map.MapStyle> mapStyle = new SimpleObjectProperty<>(org.groundtruth.map.MapStyle.LIGHT);
    private final BooleanProperty measuring = new SimpleBooleanProperty(false);
    private final ObservableList<LatLon> measurePoints = FXCollections.observableArrayList();
    private final StringProperty measureText = new SimpleStringProperty("");
    private final ObservableList<SearchHit> searchResults = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<SearchHit>> foundPlace = new SimpleObjectProperty<>(Optional.empty());
    /** Bumped per keystroke: a search's results are shown only if no later search was started meanwhile. */
    private long searchGeneration;
    private Optional<Background.Job> runningSearch = Optional.empty();
    /** Held while a search reads the street maps, and while a street map is closed. */
    private final Object streetMapLock = new Object();
    /** The search indexes of the shown mapsforge layers (built when the .map was added), by layer source. */
    private final java.util.Map<TileSource, org.groundtruth.map.osm.OsmStore> mapIndexes =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The text the shown search results answer (results of an earlier keystroke are never shown). */
    private final StringProperty searchedText = new SimpleStringProperty("");
    private final IntegerProperty redraws = new SimpleIntegerProperty();
    private Optional<Gazetteer> gazetteer = Optional.empty();
    private final BooleanProperty mapsLoading = new SimpleBooleanProperty(false);
    private final BooleanProperty gazetteerReady = new SimpleBooleanProperty(false);
    private boolean closed;
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
    private final javafx.collections.ObservableList<MapOutline> outlines = javafx.collections.FXCollections.observableArrayList();
    private final javafx.beans.property.BooleanProperty picking = new javafx.beans.property.SimpleBooleanProperty(false);
    private Optional<java.util.function.Consumer<LatLon>> pickReceiver = Optional.empty();

    public MapViewModel(Background background, Optional<Path> mapsDirectory, Path tileCacheDirectory) {
        this(background, mapsDirectory, () -> tileCacheDirectory);
    }

    /** @param tileCacheDirectory asked when an online layer is added: the open workspace's cache folder */
    public MapViewModel(Background background, Optional<Path> mapsDirectory, java.util.function.Supplier<Path> tileCacheDirectory) {
        this(background, () -> mapsDirectory, tileCacheDirectory, true);
    }

    /**
     * The map as the window builds it: {@code maps/} is looked for, and its basemap and gazetteer opened, in the
     * background, so the window shows at once; the basemap joins the layers (at the bottom) when it is open.
     */
    public static MapViewModel locatingMaps(Background background, java.util.function.Supplier<Optional<Path>> mapsDirectory,
            java.util.function.Supplier<Path> tileCacheDirectory) {
        return new MapViewModel(background, mapsDirectory, tileCacheDirectory, true);
    }

    private MapViewModel(Background background, java.util.function.Supplier<Optional<Path>> mapsDirectory,
            java.util.function.Supplier<Path> tileCacheDirectory, boolean unused) {
        this.background = background;
        this.tileCacheDirectory = tileCacheDirectory;
        mapStyle.bind(MapAppearance.style());
        choropleth = new RegionChoropleth(background, Optional.empty());
        choropleth.messageProperty().addListener((o, was, now) -> message.set(now));
        measurePoints.addListener((javafx.collections.ListChangeListener<LatLon>) c -> updateMeasureText());
        openShippedMaps(mapsDirectory);
    }

    /** No file is touched on the caller's (FX) thread: finding, opening and checking the files all run in the background. */
    private void openShippedMaps(java.util.function.Supplier<Optional<Path>> mapsDirectory) {
        mapsLoading.set(true);
        background.run(I18n.t("map.task.openMaps"), progress -> ShippedMaps.open(mapsDirectory.get()), opened -> {
            mapsLoading.set(false);
            if (closed) {
                opened.closeInBackground();
                return;
            }
            opened.basemap().ifPresent(basemap -> layers.add(0, new MapLayer(basemap, true)));
            gazetteer = opened.gazetteer();
            choropleth.useGazetteer(gazetteer);
            gazetteerReady.set(gazetteer.isPresent());
            opened.problem().ifPresent(message::set);
        }, error -> {
            mapsLoading.set(false);
            fail(error);
        });
    }

    // ---- properties ----

    /** Light or dark: follows the window's theme ({@link MapAppearance}); tiles are cached per style. */
    public javafx.beans.property.ReadOnlyObjectProperty<org.groundtruth.map.MapStyle> mapStyleProperty() {
        return mapStyle;
    }

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

    /** The search box's results, best first: places from the gazetteer, streets and addresses from the added maps. */
    public ObservableList<SearchHit> searchResults() {
        return searchResults;
    }

    /** The result the map was last centred on (drawn as a marker), empty until one is chosen. */
    public ObjectProperty<Optional<SearchHit>> foundPlaceProperty() {
        return foundPlace;
    }

    /** Where each visible added map has street-level data, for the coverage outlines. */
    public List<Coverage> offlineCoverage() {
        List<Coverage> coverage = new ArrayList<>();
        for (MapLayer layer : layers) {
            if (isOfflineMap(layer) && layer.visibleProperty().get()) {
                coverage.add(new Coverage(layer.name(), layer.source().bounds()));
            }
        }
        return coverage;
    }

    /** One added map's name and the box its street data covers. */
    public record Coverage(String name, GeoBox bounds) {
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

    /** True once the shipped gazetteer is open (place search and reverse lookup work); the search field follows it. */
    public javafx.beans.property.ReadOnlyBooleanProperty gazetteerReadyProperty() {
        return gazetteerReady;
    }

    /** True while the shipped basemap and gazetteer are being found and opened in the background. */
    public javafx.beans.property.ReadOnlyBooleanProperty mapsLoadingProperty() {
        return mapsLoading;
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
            message.set(org.groundtruth.ui.common.Errors.message(e));
            return false;
        }
    }

    /**
     * Searches places, streets and addresses in the background, ranked for the current view. Results of an earlier
     * keystroke are dropped when a later search was started (the earlier job is also cancelled).
     */
    public void search(String text) {
        if (gazetteer.isEmpty() && streetSources().isEmpty()) {
            message.set(I18n.t(mapsLoading.get() ? "map.mapsOpening" : "map.noGazetteer"));
            return;
        }
        // Every keystroke starts a search; under load the search for "G" can finish after the one for
        // "Gorlovka". Only the latest search may show its results: earlier ones are cancelled and, if they
        // finish anyway, discarded by their generation number.
        long generation = ++searchGeneration;
        runningSearch.ifPresent(Background.Job::cancel);
        runningSearch = Optional.empty();
        if (text == null || text.isBlank()) {
            searchResults.clear();
            searchedText.set("");
            return;
        }
        PlaceSearch placeSearch = new PlaceSearch(gazetteer, streetSources());
        PlaceSearch.Context context = new PlaceSearch.Context(Optional.of(viewport.get().visibleBox()));
        runningSearch = Optional.of(background.run(I18n.t("map.task.search"), progress -> {
            synchronized (streetMapLock) {
                return placeSearch.search(text, context, SEARCH_LIMIT);
            }
        }, results -> {
            if (generation != searchGeneration) {
                return;
            }
            runningSearch = Optional.empty();
            searchResults.setAll(results);
            searchedText.set(text);
            if (results.isEmpty()) {
                message.set(I18n.t("map.noMatch", text.strip()));
            }
        }, error -> {
            if (generation == searchGeneration && !(error instanceof java.util.concurrent.CancellationException)) {
                fail(error);
            }
        }));
    }

    /** The search text the current {@link #searchResults()} answer. */
    public javafx.beans.property.ReadOnlyStringProperty searchedTextProperty() {
        return searchedText;
    }

    /** The street maps shown now, with their search indexes. */
    private List<PlaceSearch.Source> streetSources() {
        List<PlaceSearch.Source> sources = new ArrayList<>();
        for (MapLayer layer : layers) {
            if (layer.source() instanceof OsmTileSource streets) {
                sources.add(new PlaceSearch.Source(layer.name(), streets.store()));
            } else if (mapIndexes.containsKey(layer.source())) {
                sources.add(new PlaceSearch.Source(layer.name(), mapIndexes.get(layer.source())));
            }
        }
        return sources;
    }

    /** Zoom for a chosen result: a city at 10, a village at 12, a street or square at 17, a house at 18. */
    static int zoomFor(SearchHit hit) {
        return switch (hit.kind()) {
            case PLACE -> hit.importance() > 500_000 ? 10 : 12;
            case STREET, SQUARE -> STREET_ZOOM;
            case BUILDING, POI, ADDRESS -> STREET_ZOOM + 1;
        };
    }

    /** Centres the map on a search result at its zoom and marks it. */
    public void showPlace(SearchHit hit) {
        viewport.set(viewport.get().centredAt(hit.location()).withZoom(Math.min(MapViewport.MAX_ZOOM, zoomFor(hit))));
        foundPlace.set(Optional.of(hit));
        message.set(describe(hit));
    }

    /** "Perekopska vulytsia (Перекопська вулиця), street, Kherson Oblast · kherson" for the status line. */
    public static String describe(SearchHit hit) {
        StringBuilder text = new StringBuilder(hit.label());
        if (hit.kind() != PlaceKind.PLACE) {
            text.append(", ").append(I18n.t("map.kind." + hit.kind().key()));
        }
        if (!hit.admin1().isEmpty()) {
            text.append(", ").append(hit.admin1());
        }
        if (!hit.countryCode().isEmpty() && hit.kind() == PlaceKind.PLACE) {
            text.append(", ").append(hit.countryCode());
        }
        if (!hit.source().equals(PlaceSearch.GAZETTEER_SOURCE)) {
            text.append(" \u00b7 ").append(hit.sources());
        }
        if (hit.kind() == PlaceKind.PLACE && hit.importance() > 0) {
            text.append("  ").append(String.format(I18n.locale(), I18n.t("map.population"), hit.importance()));
        }
        return text.toString();
    }

    /** Nearest place and admin-1 region for a point (for the incident form's place and region fields). */
    public void reverseLookup(LatLon point, Consumer<ReverseResult> onResult) {
        if (gazetteer.isEmpty()) {
            message.set(I18n.t(mapsLoading.get() ? "map.mapsOpening" : "map.noReverse"));
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
            message.set(org.groundtruth.ui.common.Errors.message(e));
            return Optional.empty();
        }
    }

    /** The file an imagery layer was opened from; empty for the basemap and online layers. */
    public Optional<Path> imageryFile(MapLayer layer) {
        return Optional.ofNullable(imageryFiles.get(layer));
    }

    /**
     * Opens the offline maps the user added (maps folder) in the background and stacks them right above the basemap,
     * under every imagery layer.
     */
    public void openOfflineMaps(org.groundtruth.map.offline.OfflineMapLibrary library) {
        String language = I18n.locale().getLanguage().equals("uk") ? "uk" : "en";
        org.groundtruth.map.MapStyle style = mapStyle.get();
        java.util.Map<TileSource, org.groundtruth.map.offline.OfflineMap> unindexed = new java.util.concurrent.ConcurrentHashMap<>();
        background.run(I18n.t("map.task.open", library.folder()), progress -> {
            List<TileSource> opened = new java.util.ArrayList<>();
            for (var map : library.list()) {
                try {
                    TileSource source = library.open(map, style, language);
                    opened.add(source);
                    library.openSearchIndex(map).ifPresent(index -> mapIndexes.put(source, index));
                    if (library.needsSearchIndex(map)) {
                        unindexed.put(source, map);
                    }
                } catch (BadInputException e) {
                    LOG.warn("Offline map {} not opened", map.file(), e);
                }
            }
            return opened;
        }, opened -> {
            opened.forEach(this::insertOfflineLayer);
            unindexed.forEach((source, map) -> indexOfflineMap(library, map, source));
        }, this::fail);
    }

    /** Builds the search index of a .map added by an earlier version (progress, cancellable), then searches it too. */
    private void indexOfflineMap(org.groundtruth.map.offline.OfflineMapLibrary library,
            org.groundtruth.map.offline.OfflineMap map, TileSource source) {
        background.run(I18n.t("map.task.indexOfflineMap", map.name()), progress -> {
            library.buildSearchIndex(map, progress);
            return library.openSearchIndex(map);
        }, index -> index.ifPresent(i -> {
            if (layers.stream().anyMatch(l -> l.source() == source)) {
                mapIndexes.put(source, i);
            } else {
                i.close(); // the layer was removed while its index was built
            }
        }), this::fail);
    }

    /** Adds a .map or .osm.pbf to the maps folder (progress, cancellable) and shows it above the basemap. */
    public void addOfflineMap(org.groundtruth.map.offline.OfflineMapLibrary library, Path file) {
        String language = I18n.locale().getLanguage().equals("uk") ? "uk" : "en";
        org.groundtruth.map.MapStyle style = mapStyle.get();
        background.run(I18n.t("map.task.addOfflineMap", file.getFileName()), progress -> {
            var map = library.add(file, progress);
            TileSource source = library.open(map, style, language);
            library.openSearchIndex(map).ifPresent(index -> mapIndexes.put(source, index));
            return source;
        }, source -> {
            MapLayer layer = insertOfflineLayer(source);
            message.set(I18n.t("map.offlineMapAdded", layer.name()));
            if (!viewport.get().visibleBox().intersects(source.bounds())) {
                viewport.set(viewport.get().fit(source.bounds(), 16));
            }
        }, this::fail);
    }

    private MapLayer insertOfflineLayer(TileSource source) {
        MapLayer layer = new MapLayer(source, false);
        int index = 0;
        while (index < layers.size() && (layers.get(index).isBasemap() || isOfflineMap(layers.get(index)))) {
            index++;
        }
        layers.add(index, layer);
        return layer;
    }

    /** An added offline map (mapsforge or imported extract), drawn by a renderer rather than read from tiles. */
    boolean isStreetMap(MapLayer layer) {
        return isOfflineMap(layer);
    }

    private static boolean isOfflineMap(MapLayer layer) {
        return layer.source() instanceof MapsforgeTileSource || layer.source() instanceof OsmTileSource;
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
        if (foundPlace.get().filter(hit -> hit.source().equals(layer.name())).isPresent()) {
            foundPlace.set(Optional.empty());
        }
        background.run(I18n.t("map.task.close", layer.name()), progress -> {
            synchronized (streetMapLock) {
                layer.source().close();
                java.util.Optional.ofNullable(mapIndexes.remove(layer.source())).ifPresent(org.groundtruth.map.osm.OsmStore::close);
            }
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

    /** Outlines drawn over the map for other features (image-match footprints). */
    public javafx.collections.ObservableList<MapOutline> outlines() {
        return outlines;
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
        closed = true;
        mapStyle.unbind();
        runningSearch.ifPresent(Background.Job::cancel);
        tileLoader.close();
        synchronized (streetMapLock) {
            for (MapLayer layer : List.copyOf(layers)) {
                layer.source().close();
            }
            mapIndexes.values().forEach(org.groundtruth.map.osm.OsmStore::close);
            mapIndexes.clear();
        }
        gazetteer.ifPresent(Gazetteer::close);
    }
}
