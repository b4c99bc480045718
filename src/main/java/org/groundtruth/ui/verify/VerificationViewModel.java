package org.groundtruth.ui.verify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * Verification of the selected incident: its status and review, pins, insignia, corroborations, sun checks and
 * history. Every action is one logged change; rule violations come back as a one-line message.
 */
public final class VerificationViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Everything shown for one incident, loaded together in the background. */
    record Snapshot(Incident incident, List<GeolocationPin> pins, List<InsigniaObservation> observations,
            List<Corroboration> corroborations, List<Chronolocation> chronolocations, List<Review> reviews,
            List<AuditEntry> history, List<EvidenceItem> evidence) {
    }

    private final Session session;
    private final Background background;
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<GeolocationPin> pins = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<org.groundtruth.core.telemetry.PinSuggestion> suggestion =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private Optional<org.groundtruth.core.telemetry.PinSuggestion> pendingSuggestion = Optional.empty();
    private final ObservableList<InsigniaObservation> observations = FXCollections.observableArrayList();
    private final ObservableList<Corroboration> corroborations = FXCollections.observableArrayList();
    private final ObservableList<Chronolocation> chronolocations = FXCollections.observableArrayList();
    private final ObservableList<Review> reviews = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<EvidenceItem> evidence = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty sunResult = new SimpleStringProperty("");
    private Consumer<Incident> onChanged = i -> { };
    private Consumer<Consumer<LatLon>> pointPicker = receiver -> message.set(I18n.t("verify.noMap"));

    public VerificationViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        incident.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                message.set("");
                sunResult.set("");
                shadowDrawer.accept(Optional.empty());
            }
            refresh();
        });
    }

    public void refresh() {
        Incident current = incident.get();
        Optional<Investigation> open = session.investigation();
        if (current == null || open.isEmpty()) {
            clear();
            return;
        }
        Investigation inv = open.get();
        background.run(I18n.t("task.loadVerification"), p -> {
            List<EvidenceItem> items = inv.evidence().forIncident(current.id());
            List<Corroboration> links = items.stream().flatMap(e -> inv.verification().corroborations(e.id()).stream())
                    .distinct().toList();
            return new Snapshot(inv.incidents().get(current.id()), inv.verification().pins(current.id()),
                    inv.verification().observations(current.id()), links,
                    inv.verification().chronolocations(current.id()), inv.verification().reviews(current.id()),
                    inv.workflow().history(current.id()), items);
        }, snapshot -> {
            if (incident.get() == null || !incident.get().id().equals(snapshot.incident().id())) {
                return;
            }
            // Replaced only where they differ: a list that did not change keeps its selection and scroll position.
            replace(pins, snapshot.pins());
            replace(observations, snapshot.observations());
            replace(corroborations, snapshot.corroborations());
            replace(chronolocations, snapshot.chronolocations());
            replace(reviews, snapshot.reviews());
            replace(history, snapshot.history());
            replace(evidence, snapshot.evidence());
        }, error -> message.set(Errors.message(error)));
    }

    private static <T> void replace(ObservableList<T> shown, List<T> loaded) {
        if (!shown.equals(loaded)) {
            shown.setAll(loaded);
        }
    }

    private void clear() {
        pins.clear();
        observations.clear();
        corroborations.clear();
        chronolocations.clear();
        reviews.clear();
        history.clear();
        evidence.clear();
    }

    public void changeStatus(VerificationStatus target, String rationale) {
        change(I18n.t("task.status"), inv -> inv.workflow().setStatus(id(), target, rationale, session.analyst()));
    }

    public void approve(String rationale) {
        change(I18n.t("task.review"), inv -> inv.workflow().approve(id(), session.analyst(), rationale));
    }

    public void reject(String rationale) {
        change(I18n.t("task.review"), inv -> inv.workflow().reject(id(), session.analyst(), rationale));
    }

    /** A pin from typed or pasted coordinates (any format the coordinate parser reads). */
    /** The evidence of a pin besides its position: matched features (one per line) and the reference imagery. */
    public record PinReasoning(String features, String referenceLayer, String referenceDate) {
        static final PinReasoning NONE = new PinReasoning("", "", "");
    }

    /**
     * A pin proposed from metadata (a footprint centre, a photo's GPS): the view fills the pin form with it for the
     * analyst to check and add; it is never added or accepted here. The next pin added records its source in the
     * custody log's reason.
     */
    public void suggestPin(org.groundtruth.core.telemetry.PinSuggestion suggestion) {
        pendingSuggestion = Optional.of(suggestion);
        this.suggestion.set(suggestion);
        message.set(I18n.t("pin.suggested", suggestion.source()));
    }

    /** The last pin suggestion (the view fills the form when it changes). */
    public javafx.beans.property.ReadOnlyObjectProperty<org.groundtruth.core.telemetry.PinSuggestion> suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** The custody-log reason of a pin: the method, and the suggestion it came from (moved or not) when there was one. */
    String pinReason(LatLon target, String method) {
        if (pendingSuggestion.isEmpty()) {
            return method;
        }
        var s = pendingSuggestion.get();
        double moved = org.groundtruth.core.geo.Geodesy.measure(s.target(), target).distanceMeters();
        String origin = moved < 0.5 ? I18n.t("pin.suggestedReason", s.source())
                : I18n.t("pin.suggestedMovedReason", s.source(), String.format(java.util.Locale.ROOT, "%.0f", moved));
        return method.isBlank() ? origin : method + " [" + origin + "]";
    }

    public void addPin(String target, String precisionMetres, String method, Optional<String> camera,
            Optional<String> bearing, Optional<String> fieldOfView, boolean accept) {
        addPin(target, precisionMetres, method, camera, bearing, fieldOfView, PinReasoning.NONE, accept);
    }

    public void addPin(String target, String precisionMetres, String method, Optional<String> camera,
            Optional<String> bearing, Optional<String> fieldOfView, PinReasoning reasoning, boolean accept) {
        GeolocationPin pin;
        try {
            LatLon at = CoordinateParser.parse(target);
            double precision = number(precisionMetres, "pin.precision");
            Optional<CameraView> view = Optional.empty();
            if (camera.filter(c -> !c.isBlank()).isPresent()) {
                view = Optional.of(new CameraView(CoordinateParser.parse(camera.get()),
                        number(bearing.orElse(""), "pin.bearing"), number(fieldOfView.orElse(""), "pin.fov")));
            }
            Optional<java.time.LocalDate> captured;
            try {
                captured = reasoning.referenceDate().isBlank() ? Optional.empty()
                        : Optional.of(java.time.LocalDate.parse(reasoning.referenceDate().strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException(I18n.t("pin.error.date", reasoning.referenceDate()));
            }
            pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), id(), at, precision, view, method,
                    features(reasoning.features()), reasoning.referenceLayer(), captured, session.analyst(), accept,
                    Instant.now());
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        String reason = pinReason(pin.target(), method);
        pendingSuggestion = Optional.empty();
        change(I18n.t("task.pin"), inv -> {
            inv.verification().addPin(pin, session.analyst(), reason);
            return inv.incidents().get(pin.incidentId());
        });
    }

    /**
     * Matched features, one per line: {@code description | coordinates [| evidence file or id # frame]} — "this
     * canopy in frame 412 is this roof".
     */
    List<org.groundtruth.core.geo.MatchedFeature> features(String text) {
        List<org.groundtruth.core.geo.MatchedFeature> features = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length < 2 || parts.length > 3) {
                throw new BadInputException(I18n.t("pin.error.feature", line.strip()));
            }
            Optional<org.groundtruth.core.evidence.FrameReference> frame = Optional.empty();
            if (parts.length == 3) {
                String[] ref = parts[2].strip().split("#");
                EvidenceItem item = evidence.stream().filter(e -> e.id().equals(ref[0].strip())
                        || e.originalName().equals(ref[0].strip())).findFirst()
                        .orElseThrow(() -> new BadInputException(I18n.t("pin.error.feature", line.strip())));
                long n;
                try {
                    n = ref.length > 1 ? Long.parseLong(ref[1].strip()) : 0;
                } catch (NumberFormatException e) {
                    throw new BadInputException(I18n.t("pin.error.feature", line.strip()));
                }
                frame = Optional.of(new org.groundtruth.core.evidence.FrameReference(item.id(), n));
            }
            features.add(new org.groundtruth.core.geo.MatchedFeature(parts[0], frame, CoordinateParser.parse(parts[1])));
        }
        return features;
    }

    public void acceptPin(GeolocationPin pin) {
        change(I18n.t("task.pin"), inv -> {
            inv.verification().acceptPin(pin.id(), session.analyst(), "");
            return inv.incidents().get(pin.incidentId());
        });
    }

    /** An insignia observation on a photo, or on frame {@code frame} of a video; the box is normalized (0..1). */
    public void addObservation(EvidenceItem item, Optional<Long> frame, NormalizedBox box, InsigniaType type,
            String otherText, Confidence confidence, String note) {
        InsigniaObservation observation;
        try {
            Optional<Double> time = frame.flatMap(n -> item.media().framesPerSecond().filter(f -> f > 0).map(f -> n / f));
            observation = new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), id(), item.id(), frame, time,
                    box, type, otherText, confidence, note, session.analyst(), Instant.now());
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        change(I18n.t("task.insignia"), inv -> {
            inv.verification().addObservation(observation, session.analyst(), note);
            return inv.incidents().get(observation.incidentId());
        });
    }

    public void link(EvidenceItem a, EvidenceItem b, CorroborationRelation relation, String note) {
        Corroboration link;
        try {
            link = new Corroboration(Ids.next(Corroboration.ID_PREFIX), a.id(), b.id(), relation, note,
                    session.analyst(), Instant.now());
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        change(I18n.t("task.link"), inv -> {
            inv.verification().addCorroboration(link, session.analyst(), note);
            return inv.incidents().get(id());
        });
    }

    /** The sun at the incident's location for a claimed time (UTC); with a shadow bearing, the matching times. */
    public Optional<Chronolocation> computeSun(String claimedTime, String shadowBearing) {
        try {
            Incident current = Optional.ofNullable(incident.get()).orElseThrow(
                    () -> new BadInputException(I18n.t("verify.noIncident")));
            LatLon place = current.location().orElseThrow(() -> new BadInputException(I18n.t("sun.noLocation")));
            Instant claimed = parseTime(claimedTime);
            SunAngles sun = SunCalculator.at(place, claimed);
            Optional<Double> bearing = shadowBearing == null || shadowBearing.isBlank() ? Optional.empty()
                    : Optional.of(number(shadowBearing, "sun.shadowBearing"));
            List<TimeWindow> windows = bearing.map(b -> SunCalculator.shadowWindows(place,
                    claimed.atOffset(ZoneOffset.UTC).toLocalDate(), b, 5)).orElse(List.of());
            Chronolocation check = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), current.id(), claimed,
                    sun.azimuthDegrees(), sun.altitudeDegrees(), bearing, windows, "", session.analyst(), Instant.now());
            sunResult.set(describe(sun, windows) + ShadowVerdict.of(check)
                    .map(v -> "\n" + SunVerdictText.sentence(v)).orElse(""));
            // 150 m is readable at street zoom; the direction, not the length, is what is compared with imagery.
            shadowDrawer.accept(sun.isUp() ? Optional.of(new ShadowLine(place, org.groundtruth.core.geo.Geodesy
                    .destination(place, sun.shadowBearingDegrees(), 150), I18n.t("sun.mapLabel",
                    String.format(java.util.Locale.ROOT, "%.0f", sun.shadowBearingDegrees())))) : Optional.empty());
            return Optional.of(check);
        } catch (IllegalArgumentException e) {
            sunResult.set(Errors.message(e));
            return Optional.empty();
        }
    }

    public void saveSun(String claimedTime, String shadowBearing, String note) {
        computeSun(claimedTime, shadowBearing).ifPresent(c -> {
            Chronolocation withNote = new Chronolocation(c.id(), c.incidentId(), c.claimedAt(), c.sunAzimuthDegrees(),
                    c.sunAltitudeDegrees(), c.shadowBearingDegrees(), c.matchingWindows(), note, c.analyst(),
                    c.createdAt());
            change(I18n.t("task.sun"), inv -> {
                inv.verification().addChronolocation(withNote, session.analyst(), note);
                return inv.incidents().get(c.incidentId());
            });
        });
    }

    static String describe(SunAngles sun, List<TimeWindow> windows) {
        StringBuilder text = new StringBuilder(I18n.t("sun.result", String.format(java.util.Locale.ROOT, "%.2f",
                sun.azimuthDegrees()), String.format(java.util.Locale.ROOT, "%.2f", sun.altitudeDegrees()),
                String.format(java.util.Locale.ROOT, "%.1f", sun.shadowBearingDegrees())));
        if (sun.isUp()) {
            text.append(' ').append(I18n.t("sun.length", String.format(java.util.Locale.ROOT, "%.2f",
                    sun.shadowLengthPerMetre())));
        } else {
            text.append(' ').append(I18n.t("sun.down"));
        }
        for (TimeWindow w : windows) {
            text.append('\n').append(I18n.t("sun.window", TIME.format(w.from().atOffset(ZoneOffset.UTC)),
                    TIME.format(w.to().atOffset(ZoneOffset.UTC))));
        }
        return text.toString();
    }

    /** The incident's claimed time as the default for the sun tool. */
    public String defaultClaimedTime() {
        return Optional.ofNullable(incident.get()).flatMap(Incident::occurredAt)
                .map(t -> TIME.format(t.atOffset(ZoneOffset.UTC))).orElse("");
    }

    @FunctionalInterface
    private interface Change {
        Incident apply(Investigation investigation);
    }

    private void change(String title, Change change) {
        Optional<Investigation> open = session.investigation();
        if (open.isEmpty() || incident.get() == null) {
            message.set(I18n.t("verify.noIncident"));
            return;
        }
        background.run(title, p -> change.apply(open.get()), changed -> {
            message.set(I18n.t("verify.saved"));
            boolean sameRecord = changed.equals(incident.get());
            incident.set(changed);
            if (sameRecord) {
                refresh(); // the incident record did not change, so its listener will not reload the lists
            }
            onChanged.accept(changed);
        }, error -> message.set(Errors.message(error)));
    }

    private String id() {
        return incident.get().id();
    }

    private static double number(String text, String labelKey) {
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BadInputException(I18n.t("verify.notNumber", I18n.t(labelKey), text));
        }
    }

    private static Instant parseTime(String text) {
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInputException(I18n.t("form.error.time", text));
        }
    }

    /** Both items of a corroboration with their originals in the vault. */
    record Pair(EvidenceItem a, java.nio.file.Path originalA, EvidenceItem b, java.nio.file.Path originalB) {
    }

    /** Looks up both sides of {@code link} in the background (one may belong to another incident). */
    void comparison(Corroboration link, Consumer<Pair> open) {
        Optional<Investigation> inv = session.investigation();
        if (inv.isEmpty()) {
            return;
        }
        background.run(I18n.t("sideBySide.loading"), p -> {
            EvidenceItem a = inv.get().evidence().find(link.evidenceA()).orElseThrow(
                    () -> new BadInputException("unknown evidence id: " + link.evidenceA()));
            EvidenceItem b = inv.get().evidence().find(link.evidenceB()).orElseThrow(
                    () -> new BadInputException("unknown evidence id: " + link.evidenceB()));
            return new Pair(a, inv.get().evidence().originalPath(a), b, inv.get().evidence().originalPath(b));
        }, open, error -> message.set(Errors.message(error)));
    }

    Background background() {
        return background;
    }

    /** A box drawn on a picture: the evidence item, the video frame if any, the box. */
    public record DrawnBox(String evidenceId, Optional<Long> frameNumber, NormalizedBox box) {
    }

    private Consumer<Consumer<DrawnBox>> boxDrawer = receiver -> message.set(I18n.t("verify.noViewer"));
    private java.util.function.BiConsumer<EvidenceItem, Optional<Long>> frameShower = (item, frame) -> { };

    /** How a box is drawn on the evidence viewer (the window connects its viewer here). */
    public void setBoxDrawer(Consumer<Consumer<DrawnBox>> drawer) {
        boxDrawer = drawer;
    }

    /** How an item is shown at a frame (the window connects its viewer here). */
    public void setFrameShower(java.util.function.BiConsumer<EvidenceItem, Optional<Long>> shower) {
        frameShower = shower;
    }

    public void drawBox(Consumer<DrawnBox> receiver) {
        boxDrawer.accept(receiver);
    }

    private final java.util.Map<String, javafx.scene.image.Image> thumbnails = new java.util.HashMap<>();

    /** A small picture of what the observation's box holds, decoded in the background and kept. */
    void thumbnail(InsigniaObservation observation, Consumer<javafx.scene.image.Image> show) {
        javafx.scene.image.Image known = thumbnails.get(observation.id());
        if (known != null) {
            show.accept(known);
            return;
        }
        Optional<EvidenceItem> item = evidence.stream().filter(e -> e.id().equals(observation.evidenceId())).findFirst();
        Optional<Investigation> inv = session.investigation();
        if (item.isEmpty() || inv.isEmpty()) {
            return;
        }
        java.nio.file.Path original = inv.get().evidence().originalPath(item.get());
        background.run(I18n.t("task.thumbnail"), p -> EvidenceStills.crop(EvidenceStills.load(item.get(), original,
                observation.frameNumber().orElse(0L)), observation.box(), 64), image -> {
                    javafx.scene.image.Image fx = javafx.embed.swing.SwingFXUtils.toFXImage(image, null);
                    thumbnails.put(observation.id(), fx);
                    show.accept(fx);
                }, error -> { }); // no thumbnail for media that cannot be decoded; the row still says what it is
    }

    /** Shows the observation's item, at its frame, with its box drawn. */
    public void showObservation(InsigniaObservation observation) {
        evidence.stream().filter(e -> e.id().equals(observation.evidenceId())).findFirst()
                .ifPresent(item -> frameShower.accept(item, observation.frameNumber()));
    }

    /** The expected shadow direction from the incident's location, to draw on the map. */
    public record ShadowLine(LatLon from, LatLon to, String label) {
    }

    private Consumer<Optional<ShadowLine>> shadowDrawer = line -> { };

    /** Where the sun tool draws the expected shadow direction (the window connects its map here). */
    public void setShadowDrawer(Consumer<Optional<ShadowLine>> drawer) {
        shadowDrawer = drawer;
    }

    /** How a point is picked on the map (the window connects its map here). */
    public void setPointPicker(Consumer<Consumer<LatLon>> picker) {
        pointPicker = picker;
    }

    /** Asks the map for a point; {@code receiver} gets it as text any coordinate field accepts. */
    public void pickOnMap(Consumer<String> receiver) {
        pointPicker.accept(point -> receiver.accept(point.toString()));
    }

    public void setOnChanged(Consumer<Incident> callback) {
        onChanged = callback;
    }

    public ObjectProperty<Incident> incidentProperty() { return incident; }
    public ObservableList<GeolocationPin> pins() { return pins; }
    public ObservableList<InsigniaObservation> observations() { return observations; }
    public ObservableList<Corroboration> corroborations() { return corroborations; }
    public ObservableList<Chronolocation> chronolocations() { return chronolocations; }
    public ObservableList<Review> reviews() { return reviews; }
    public ObservableList<AuditEntry> history() { return history; }
    public ObservableList<EvidenceItem> evidence() { return evidence; }
    public StringProperty messageProperty() { return message; }
    public StringProperty sunResultProperty() { return sunResult; }

    /** True while the open investigation is read-only: the view turns its editing controls off. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyProperty() {
        return session.readOnlyProperty();
    }
}
