package org.groundtruth.ui.geolocate;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Require;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.geolocate.Rectification;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.core.geolocate.SearchRecord;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.match.ImageGeolocator;
import org.groundtruth.media.match.TelemetryRectification;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.map.MapOutline;

/**
 * "Find on map…" for one photo or video frame: choose a reference imagery layer and the area (the map's current view or
 * the whole layer), search in the background with progress and cancel, see the candidates best first with their
 * footprints on the map, and accept one (a pin with method "image match", never verified by itself) or reject it
 * (remembered for this frame). Every search and decision goes into the custody log through the store.
 */
public final class FindOnMapViewModel {
    /** Candidates this close to a place rejected for the same frame are not shown again. */
    static final double REJECTED_RADIUS_METERS = 10;
    /** Matched points drawn inside the selected footprint. */
    static final int DRAWN_POINTS = 200;
    static final Color SELECTED = Color.web("#0969da");
    static final Color OTHER = Color.web("#bc4c00");

    /** The frame to locate: the evidence item, its frame (0 for a photo) and the picture as decoded for viewing. */
    public record FrameToLocate(EvidenceItem item, long frameNumber, BufferedImage image) {
        public FrameToLocate {
            Require.present(item, "evidence item");
            Require.nonNegative(frameNumber, "frame number");
            Require.present(image, "image");
        }

        public FrameReference reference() {
            return new FrameReference(item.id(), frameNumber);
        }
    }

    /**
     * A reference layer the analyst can choose: its name, how to open it for one search, and whether the search closes
     * what it opened (a file opened anew) or leaves it to its owner.
     */
    public record ReferenceChoice(String name, Supplier<ReferenceLayer> opener, boolean closeAfterSearch) {
        public ReferenceChoice {
            Require.nonBlank(name, "name", 500);
            Require.present(opener, "opener");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public enum Area { CURRENT_VIEW, WHOLE_LAYER }

    /** How the frame is turned into a view from above before matching (decision 1610). */
    public enum Rectify { NONE, FOUR_POINTS, TELEMETRY }

    /**
     * Looks up the camera pose recorded with a frame (a photo's DJI XMP, a video's telemetry at that frame) and the
     * rectification it gives, in the background; throws when the file's telemetry cannot be read.
     */
    public interface TelemetrySource {
        TelemetryRectification.Outcome rectify(FrameToLocate frame);
    }

    private record Outcome(SearchReport report, List<MatchCandidate> shown, String layer) {
    }

    private final Background background;
    private final Executor ui;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final Supplier<Optional<String>> incident;
    private final ObjectProperty<FrameToLocate> frame = new SimpleObjectProperty<>();
    private final ObservableList<ReferenceChoice> references = FXCollections.observableArrayList();
    private final ObjectProperty<ReferenceChoice> reference = new SimpleObjectProperty<>();
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>(Area.CURRENT_VIEW);
    private final ObservableList<MatchCandidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<MatchCandidate> selected = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty deciding = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    /** Frame pixels (of the picture being located) the analyst marked as the corners of a ground rectangle. */
    private final ObservableList<double[]> groundPoints = FXCollections.observableArrayList();
    private final ObjectProperty<Rectify> rectify = new SimpleObjectProperty<>(Rectify.NONE);
    private final BooleanProperty telemetryAvailable = new SimpleBooleanProperty(false);
    /** Why "from telemetry" is not offered for this frame (or that it is being looked up); empty when it is. */
    private final StringProperty telemetryNote = new SimpleStringProperty("");
    private Optional<Rectification> telemetryRectification = Optional.empty();
    private TelemetrySource telemetrySource = f -> {
        throw new IllegalStateException(I18n.t("findOnMap.rectify.noSource"));
    };
    private Supplier<List<ReferenceChoice>> referenceSource = List::of;
    private Supplier<Optional<SearchArea>> currentView = Optional::empty;
    private Consumer<List<MapOutline>> overlay = outlines -> { };
    private Consumer<MatchCandidate> shower = candidate -> { };
    private Consumer<GeolocationPin> onAccepted = pin -> { };
    private MatchParameters parameters = MatchParameters.defaults();
    private Optional<Background.Job> job = Optional.empty();
    private String searchedLayer = "";
    private int generation;

    /**
     * @param ui          runs progress updates on the toolkit thread
     * @param incident    the incident an accepted pin belongs to (the one whose evidence is shown)
     */
    public FindOnMapViewModel(Background background, Executor ui, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst, Supplier<Optional<String>> incident) {
        this.background = background;
        this.ui = ui;
        this.investigation = investigation;
        this.analyst = analyst;
        this.incident = incident;
        selected.addListener((o, was, now) -> {
            drawOverlay();
            if (now != null) {
                shower.accept(now);
            }
        });
    }

    /** Where the reference layers come from (the map's imagery files), asked each time a frame is opened. */
    public void setReferenceSource(Supplier<List<ReferenceChoice>> source) {
        this.referenceSource = source;
    }

    /** The map's visible area, for the "current view" search area. */
    public void setCurrentView(Supplier<Optional<SearchArea>> view) {
        this.currentView = view;
    }

    /** Draws the candidates' footprints (the selected one emphasised); an empty list clears them. */
    public void setOverlay(Consumer<List<MapOutline>> drawer) {
        this.overlay = drawer;
    }

    /** Brings the selected candidate into view on the map. */
    public void setShower(Consumer<MatchCandidate> shower) {
        this.shower = shower;
    }

    /** Told of a pin created by Accept (the map and the verification tab refresh). */
    public void setOnAccepted(Consumer<GeolocationPin> callback) {
        this.onAccepted = callback;
    }

    /** The matching parameters searches use (defaults unless a test or a setting changes them). */
    public void setParameters(MatchParameters parameters) {
        this.parameters = Require.present(parameters, "parameters");
    }

    /** Where the camera pose of a frame comes from (the evidence file's telemetry); asked when a frame is opened. */
    public void setTelemetrySource(TelemetrySource source) {
        this.telemetrySource = Require.present(source, "telemetry source");
    }

    /** Starts over with a new frame: the reference layers are listed again, earlier candidates cleared. */
    public void open(FrameToLocate toLocate) {
        cancel();
        generation++;
        frame.set(Require.present(toLocate, "frame"));
        refreshReferences();
        candidates.clear();
        selected.set(null);
        groundPoints.clear();
        rectify.set(Rectify.NONE);
        running.set(false);
        progress.set(-1);
        drawOverlay();
        status.set(references.isEmpty() ? I18n.t("findOnMap.noLayers") : I18n.t("findOnMap.ready"));
        lookUpTelemetry(toLocate);
    }

    /** In the background: whether the frame has a camera pose to rectify it from, and why not otherwise. */
    private void lookUpTelemetry(FrameToLocate toLocate) {
        telemetryRectification = Optional.empty();
        telemetryAvailable.set(false);
        telemetryNote.set(I18n.t("findOnMap.rectify.looking"));
        TelemetrySource source = telemetrySource;
        background.run(I18n.t("findOnMap.rectify.task", toLocate.item().originalName()), monitor -> source.rectify(toLocate),
                outcome -> {
                    if (frame.get() != toLocate) {
                        return;
                    }
                    telemetryRectification = outcome.rectification();
                    telemetryAvailable.set(outcome.rectification().isPresent());
                    telemetryNote.set(outcome.rectification().isPresent() ? "" : unavailable(outcome));
                }, error -> {
                    if (frame.get() == toLocate) {
                        telemetryNote.set(I18n.t("findOnMap.rectify.unreadable", Errors.message(error)));
                    }
                });
    }

    /** One line: why the frame cannot be rectified from telemetry. */
    static String unavailable(TelemetryRectification.Outcome outcome) {
        return switch (outcome.problem().orElseThrow()) {
            case NO_SAMPLES -> I18n.t("findOnMap.rectify.noSamples");
            case NO_SAMPLE_AT_TIME -> I18n.t("findOnMap.rectify.noSampleAt", outcome.detail());
            case NO_POSE -> I18n.t("findOnMap.rectify.noPose", org.groundtruth.ui.common.FootprintNotes.text(outcome.detail()));
            case ABOVE_HORIZON -> I18n.t("findOnMap.rectify.aboveHorizon", outcome.detail());
        };
    }

    /** Lists the reference layers again, keeping the chosen one when it is still there. */
    public void refreshReferences() {
        String chosen = reference.get() == null ? "" : reference.get().name();
        references.setAll(referenceSource.get());
        reference.set(references.stream().filter(r -> r.name().equals(chosen)).findFirst()
                .orElse(references.isEmpty() ? null : references.get(0)));
    }

    /** Searches the chosen layer for the frame, in the background. */
    public void search() {
        FrameToLocate toLocate = frame.get();
        ReferenceChoice layerChoice = reference.get();
        if (toLocate == null) {
            status.set(I18n.t("findOnMap.noFrame"));
            return;
        }
        if (layerChoice == null) {
            status.set(I18n.t("findOnMap.noLayers"));
            return;
        }
        Optional<SearchArea> searchArea = Optional.empty();
        if (area.get() == Area.CURRENT_VIEW) {
            searchArea = currentView.get();
            if (searchArea.isEmpty()) {
                status.set(I18n.t("findOnMap.noView"));
                return;
            }
        }
        Optional<Rectification> rectification;
        if (rectify.get() == Rectify.TELEMETRY) {
            if (telemetryRectification.isEmpty()) {
                status.set(telemetryNote.get().isEmpty() ? I18n.t("findOnMap.rectify.looking") : telemetryNote.get());
                return;
            }
            rectification = Optional.of(telemetryRectification.get().forFrameSize(toLocate.image().getWidth(),
                    toLocate.image().getHeight()));
        } else if (rectify.get() == Rectify.FOUR_POINTS && groundPoints.size() != 4) {
            status.set(I18n.t("findOnMap.rectify.markFour", groundPoints.size()));
            return;
        } else {
            try {
                rectification = rectification(toLocate);
            } catch (IllegalArgumentException e) {
                status.set(I18n.t("findOnMap.oblique.bad", e.getMessage()));
                return;
            }
        }
        Optional<SearchArea> requested = searchArea;
        Optional<Investigation> inv = investigation.get();
        MatchParameters used = parameters;
        String who = analyst.get();
        int gen = ++generation;
        candidates.clear();
        selected.set(null);
        drawOverlay();
        running.set(true);
        progress.set(-1);
        status.set(I18n.t("findOnMap.searching", layerChoice.name()));
        job = Optional.of(background.run(I18n.t("findOnMap.task", layerChoice.name()), monitor -> {
            ProgressMonitor shown = new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                    monitor.progress(done, total);
                    ui.execute(() -> {
                        if (gen == generation) {
                            progress.set(total > 0 ? (double) done / total : -1);
                        }
                    });
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            return run(toLocate, rectification, layerChoice, requested, inv, used, who, shown);
        }, outcome -> {
            if (gen != generation) {
                return;
            }
            job = Optional.empty();
            running.set(false);
            searchedLayer = outcome.layer();
            SearchReport report = outcome.report();
            candidates.setAll(outcome.shown());
            int hidden = report.candidates().size() - outcome.shown().size();
            status.set(outcome.shown().isEmpty()
                    ? I18n.t("findOnMap.none", Math.round(report.bestRejectedScore()), report.cells(), hidden,
                            report.cellsFromCache())
                    : I18n.t("findOnMap.found", outcome.shown().size(), report.cells(), report.cellsFromCache(),
                            report.millis() / 1000.0, hidden));
            if (!candidates.isEmpty()) {
                selected.set(candidates.get(0));
            }
            drawOverlay();
        }, error -> {
            if (gen != generation) {
                return;
            }
            job = Optional.empty();
            running.set(false);
            status.set(cancelled(error) ? I18n.t("findOnMap.cancelled")
                    : I18n.t("findOnMap.failed", Errors.message(error)));
        }));
    }

    /** The rectification from the four marked ground points, or none while fewer than four are marked. */
    Optional<Rectification> rectification(FrameToLocate toLocate) {
        if (rectify.get() != Rectify.FOUR_POINTS || groundPoints.size() != 4) {
            return Optional.empty();
        }
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            xy[2 * i] = groundPoints.get(i)[0];
            xy[2 * i + 1] = groundPoints.get(i)[1];
        }
        return Optional.of(Rectification.fromGroundRectangle(xy, toLocate.image().getWidth(), toLocate.image().getHeight(),
                Optional.empty()));
    }

    /**
     * Marks a corner of a ground rectangle at a frame pixel (of the picture being located); a fifth click starts over.
     * Ignored outside the frame or while a search runs.
     */
    public void addGroundPoint(double x, double y) {
        FrameToLocate f = frame.get();
        if (f == null || running.get() || !(x >= 0 && y >= 0 && x <= f.image().getWidth() && y <= f.image().getHeight())) {
            return;
        }
        if (groundPoints.size() == 4) {
            groundPoints.clear();
        }
        groundPoints.add(new double[] {x, y});
        rectify.set(Rectify.FOUR_POINTS); // marking points is choosing them
    }

    public void clearGroundPoints() {
        groundPoints.clear();
    }

    /** The marked ground points, frame pixels {x, y}, in the order clicked. */
    public ObservableList<double[]> groundPoints() {
        return groundPoints;
    }

    private static Outcome run(FrameToLocate toLocate, Optional<Rectification> rectification, ReferenceChoice choice,
            Optional<SearchArea> area,
            Optional<Investigation> inv, MatchParameters used, String who, ProgressMonitor monitor) {
        ReferenceLayer layer = choice.opener().get();
        try {
            if (area.isPresent() && !area.get().intersects(layer.bounds())) {
                throw new BadInputException(I18n.t("findOnMap.outside", choice.name()));
            }
            CellFeatureCache cache = inv.map(i -> i.imageMatches().featureCache()).orElse(CellFeatureCache.NONE);
            SearchReport report = new ImageGeolocator(cache).search(toLocate.image(), rectification, layer, area, used, monitor);
            FrameReference ref = toLocate.reference();
            List<MatchCandidate> shown = report.candidates();
            if (inv.isPresent()) {
                inv.get().imageMatches().recordSearch(SearchRecord.of(Optional.of(ref), layer.name(), used, report,
                        rectification), who);
                shown = inv.get().imageMatches().withoutRejected(ref, shown, REJECTED_RADIUS_METERS);
            }
            return new Outcome(report, shown, layer.name());
        } finally {
            if (choice.closeAfterSearch()) {
                layer.close();
            }
        }
    }

    private static boolean cancelled(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    public void cancel() {
        job.ifPresent(Background.Job::cancel);
    }

    /** Accepts the selected candidate: a pin (method "image match", not verified) on the incident, logged. */
    public void accept() {
        MatchCandidate candidate = selected.get();
        FrameToLocate toLocate = frame.get();
        Optional<Investigation> inv = investigation.get();
        Optional<String> incidentId = incident.get();
        if (candidate == null || toLocate == null || inv.isEmpty()) {
            status.set(I18n.t("findOnMap.selectFirst"));
            return;
        }
        if (incidentId.isEmpty()) {
            status.set(I18n.t("findOnMap.noIncident"));
            return;
        }
        String layer = searchedLayer;
        String who = analyst.get();
        deciding.set(true);
        background.run(I18n.t("findOnMap.task.accept"),
                p -> inv.get().imageMatches().accept(incidentId.get(), toLocate.reference(), candidate, layer, who),
                pin -> {
                    deciding.set(false);
                    candidates.remove(candidate);
                    selected.set(null);
                    drawOverlay();
                    status.set(I18n.t("findOnMap.accepted", coordinates(pin.target()), Math.round(pin.precisionMeters())));
                    onAccepted.accept(pin);
                }, error -> {
                    deciding.set(false);
                    status.set(I18n.t("findOnMap.failed", Errors.message(error)));
                });
    }

    /** Rejects the selected candidate; later searches of this frame leave that place out. */
    public void reject() {
        MatchCandidate candidate = selected.get();
        FrameToLocate toLocate = frame.get();
        Optional<Investigation> inv = investigation.get();
        if (candidate == null || toLocate == null || inv.isEmpty()) {
            status.set(I18n.t("findOnMap.selectFirst"));
            return;
        }
        String layer = searchedLayer;
        String who = analyst.get();
        deciding.set(true);
        background.run(I18n.t("findOnMap.task.reject"),
                p -> inv.get().imageMatches().reject(toLocate.reference(), candidate, layer, who),
                decision -> {
                    deciding.set(false);
                    candidates.remove(candidate);
                    selected.set(candidates.isEmpty() ? null : candidates.get(0));
                    drawOverlay();
                    status.set(I18n.t("findOnMap.rejected"));
                }, error -> {
                    deciding.set(false);
                    status.set(I18n.t("findOnMap.failed", Errors.message(error)));
                });
    }

    /** Removes the footprints from the map (the dialog closed). */
    public void clearOverlay() {
        overlay.accept(List.of());
    }

    private void drawOverlay() {
        List<MapOutline> outlines = new ArrayList<>();
        MatchCandidate chosen = selected.get();
        for (int i = 0; i < candidates.size(); i++) {
            MatchCandidate c = candidates.get(i);
            if (c != chosen) {
                outlines.add(new MapOutline(c.footprint(), "#" + (i + 1), OTHER, false, List.of()));
            }
        }
        if (chosen != null) {
            List<LatLon> points = new ArrayList<>();
            List<MatchedPoint> matched = chosen.matchedPoints();
            int step = Math.max(1, matched.size() / DRAWN_POINTS);
            for (int i = 0; i < matched.size(); i += step) {
                points.add(matched.get(i).ground());
            }
            outlines.add(new MapOutline(chosen.footprint(), "#" + (candidates.indexOf(chosen) + 1) + " "
                    + I18n.t("findOnMap.outline"), SELECTED, true, points));
        }
        overlay.accept(outlines);
    }

    /** The one-line description of a candidate in the list. */
    public static String describe(int rank, MatchCandidate c) {
        return I18n.t("findOnMap.candidate", rank, String.format(java.util.Locale.ROOT, "%.6f", c.center().lat()),
                String.format(java.util.Locale.ROOT, "%.6f", c.center().lon()), c.score(), c.inliers(),
                Math.round(c.precisionMeters()), I18n.t("MatchConfidence." + c.confidence().code()));
    }

    private static String coordinates(LatLon p) {
        return String.format(java.util.Locale.ROOT, "%.6f, %.6f", p.lat(), p.lon());
    }

    /** The rectification chosen: none, the four marked points or the telemetry pose (only when available). */
    public ObjectProperty<Rectify> rectifyProperty() {
        return rectify;
    }

    /** True once the frame's camera pose gives a rectification. */
    public ReadOnlyBooleanProperty telemetryAvailableProperty() {
        return telemetryAvailable;
    }

    /** Why "from telemetry" is unavailable for this frame, in one line; empty when it is available. */
    public ReadOnlyStringProperty telemetryNoteProperty() {
        return telemetryNote;
    }

    public ReadOnlyObjectProperty<FrameToLocate> frameProperty() {
        return frame;
    }

    public ObservableList<ReferenceChoice> references() {
        return references;
    }

    public ObjectProperty<ReferenceChoice> referenceProperty() {
        return reference;
    }

    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public ObservableList<MatchCandidate> candidates() {
        return candidates;
    }

    public ObjectProperty<MatchCandidate> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty decidingProperty() {
        return deciding;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
