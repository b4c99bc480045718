package org.groundtruth.ui.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.telemetry.PinSuggestion;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.verify.VerificationViewModel.PinReasoning;

/** Geolocation pins of the incident: typed, picked on the map or suggested from metadata; adding and accepting. */
public final class PinViewModel {
    private final IncidentSnapshotLoader loader;
    private final ReadOnlyObjectWrapper<PinSuggestion> suggestion = new ReadOnlyObjectWrapper<>();
    private Optional<PinSuggestion> pendingSuggestion = Optional.empty();
    private Consumer<Consumer<LatLon>> pointPicker;

    PinViewModel(IncidentSnapshotLoader loader) {
        this.loader = loader;
        this.pointPicker = receiver -> loader.messageProperty().set(I18n.t("verify.noMap"));
    }

    /**
     * A pin proposed from metadata (a footprint centre, a photo's GPS): the view fills the pin form with it for the
     * analyst to check and add; it is never added or accepted here. The next pin added records its source in the
     * custody log's reason.
     */
    public void suggestPin(PinSuggestion suggestion) {
        pendingSuggestion = Optional.of(suggestion);
        this.suggestion.set(suggestion);
        loader.messageProperty().set(I18n.t("pin.suggested", suggestion.source()));
    }

    /** The last pin suggestion (the view fills the form when it changes). */
    public ReadOnlyObjectProperty<PinSuggestion> suggestionProperty() {
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

    /** A pin from typed or pasted coordinates (any format the coordinate parser reads). */
    public void addPin(String target, String precisionMetres, String method, Optional<String> camera,
            Optional<String> bearing, Optional<String> fieldOfView, PinReasoning reasoning, boolean accept) {
        GeolocationPin pin;
        try {
            LatLon at = CoordinateParser.parse(target);
            double precision = VerifyInputs.number(precisionMetres, "pin.precision");
            Optional<CameraView> view = Optional.empty();
            if (camera.filter(c -> !c.isBlank()).isPresent()) {
                view = Optional.of(new CameraView(CoordinateParser.parse(camera.get()),
                        VerifyInputs.number(bearing.orElse(""), "pin.bearing"),
                        VerifyInputs.number(fieldOfView.orElse(""), "pin.fov")));
            }
            Optional<java.time.LocalDate> captured;
            try {
                captured = reasoning.referenceDate().isBlank() ? Optional.empty()
                        : Optional.of(java.time.LocalDate.parse(reasoning.referenceDate().strip()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new BadInputException(I18n.t("pin.error.date", reasoning.referenceDate()));
            }
            pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), loader.id(), at, precision, view, method,
                    features(reasoning.features()), reasoning.referenceLayer(), captured, loader.session().analyst(),
                    accept, Instant.now());
        } catch (IllegalArgumentException e) {
            loader.messageProperty().set(Errors.message(e));
            return;
        }
        String reason = pinReason(pin.target(), method);
        pendingSuggestion = Optional.empty();
        loader.change(I18n.t("task.pin"), inv -> {
            inv.verification().addPin(pin, loader.session().analyst(), reason);
            return inv.incidents().get(pin.incidentId());
        });
    }

    /**
     * Matched features, one per line: {@code description | coordinates [| evidence file or id # frame]} — "this
     * canopy in frame 412 is this roof".
     */
    List<MatchedFeature> features(String text) {
        List<MatchedFeature> features = new java.util.ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length < 2 || parts.length > 3) {
                throw new BadInputException(I18n.t("pin.error.feature", line.strip()));
            }
            Optional<FrameReference> frame = Optional.empty();
            if (parts.length == 3) {
                String[] ref = parts[2].strip().split("#");
                EvidenceItem item = loader.evidence().stream().filter(e -> e.id().equals(ref[0].strip())
                        || e.originalName().equals(ref[0].strip())).findFirst()
                        .orElseThrow(() -> new BadInputException(I18n.t("pin.error.feature", line.strip())));
                long n;
                try {
                    n = ref.length > 1 ? Long.parseLong(ref[1].strip()) : 0;
                } catch (NumberFormatException e) {
                    throw new BadInputException(I18n.t("pin.error.feature", line.strip()));
                }
                frame = Optional.of(new FrameReference(item.id(), n));
            }
            features.add(new MatchedFeature(parts[0], frame, CoordinateParser.parse(parts[1])));
        }
        return features;
    }

    public void acceptPin(GeolocationPin pin) {
        loader.change(I18n.t("task.pin"), inv -> {
            inv.verification().acceptPin(pin.id(), loader.session().analyst(), "");
            return inv.incidents().get(pin.incidentId());
        });
    }

    /** How a point is picked on the map (the window connects its map here). */
    public void setPointPicker(Consumer<Consumer<LatLon>> picker) {
        pointPicker = picker;
    }

    /** Asks the map for a point; {@code receiver} gets it as text any coordinate field accepts. */
    public void pickOnMap(Consumer<String> receiver) {
        pointPicker.accept(point -> receiver.accept(point.toString()));
    }

    public ObservableList<GeolocationPin> pins() { return loader.pins(); }
}
