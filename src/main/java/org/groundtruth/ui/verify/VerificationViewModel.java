package org.groundtruth.ui.verify;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.telemetry.PinSuggestion;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Session;

/**
 * Verification of the selected incident, as one object for the window: the snapshot loader (the incident and
 * everything shown for it, with the one-line message) and one ViewModel per workflow — status and review, pins,
 * insignia, corroboration, sun. The methods below only hand over to those parts (decision 1343); new work goes
 * into the part it belongs to.
 */
public final class VerificationViewModel {
    /** The evidence of a pin besides its position: matched features (one per line) and the reference imagery. */
    public record PinReasoning(String features, String referenceLayer, String referenceDate) {
        static final PinReasoning NONE = new PinReasoning("", "", "");
    }

    /** A box drawn on a picture: the evidence item, the video frame if any, the box. */
    public record DrawnBox(String evidenceId, Optional<Long> frameNumber, NormalizedBox box) {
    }

    /** The expected shadow direction from the incident's location, to draw on the map. */
    public record ShadowLine(LatLon from, LatLon to, String label) {
    }

    private final IncidentSnapshotLoader loader;
    private final StatusReviewViewModel status;
    private final PinViewModel pinning;
    private final InsigniaViewModel insignia;
    private final CorroborationViewModel corroboration;
    private final SunViewModel sun;

    public VerificationViewModel(Session session, Background background) {
        loader = new IncidentSnapshotLoader(session, background);
        status = new StatusReviewViewModel(loader);
        pinning = new PinViewModel(loader);
        insignia = new InsigniaViewModel(loader);
        corroboration = new CorroborationViewModel(loader);
        sun = new SunViewModel(loader);
    }

    public StatusReviewViewModel status() { return status; }
    public PinViewModel pinning() { return pinning; }
    public InsigniaViewModel insignia() { return insignia; }
    public CorroborationViewModel corroboration() { return corroboration; }
    public SunViewModel sun() { return sun; }

    // The incident and its snapshot
    public void refresh() { loader.refresh(); }
    public void setOnChanged(Consumer<Incident> callback) { loader.setOnChanged(callback); }
    public ObjectProperty<Incident> incidentProperty() { return loader.incidentProperty(); }
    public ObservableList<EvidenceItem> evidence() { return loader.evidence(); }
    public StringProperty messageProperty() { return loader.messageProperty(); }
    Background background() { return loader.background(); }

    /** True while the open investigation is read-only: the view turns its editing controls off. */
    public ReadOnlyBooleanProperty readOnlyProperty() { return loader.session().readOnlyProperty(); }

    // Status and review
    public void changeStatus(VerificationStatus target, String rationale) { status.changeStatus(target, rationale); }
    public void approve(String rationale) { status.approve(rationale); }
    public void reject(String rationale) { status.reject(rationale); }
    public ObservableList<Review> reviews() { return status.reviews(); }
    public ObservableList<AuditEntry> history() { return status.history(); }

    // Pins
    public void suggestPin(PinSuggestion suggestion) { pinning.suggestPin(suggestion); }
    public ReadOnlyObjectProperty<PinSuggestion> suggestionProperty() { return pinning.suggestionProperty(); }

    public void addPin(String target, String precisionMetres, String method, Optional<String> camera,
            Optional<String> bearing, Optional<String> fieldOfView, boolean accept) {
        pinning.addPin(target, precisionMetres, method, camera, bearing, fieldOfView, PinReasoning.NONE, accept);
    }

    public void addPin(String target, String precisionMetres, String method, Optional<String> camera,
            Optional<String> bearing, Optional<String> fieldOfView, PinReasoning reasoning, boolean accept) {
        pinning.addPin(target, precisionMetres, method, camera, bearing, fieldOfView, reasoning, accept);
    }

    public void acceptPin(GeolocationPin pin) { pinning.acceptPin(pin); }
    public void setPointPicker(Consumer<Consumer<LatLon>> picker) { pinning.setPointPicker(picker); }
    public void pickOnMap(Consumer<String> receiver) { pinning.pickOnMap(receiver); }
    public ObservableList<GeolocationPin> pins() { return pinning.pins(); }

    // Insignia
    public void addObservation(EvidenceItem item, Optional<Long> frame, NormalizedBox box, InsigniaType type,
            String otherText, Confidence confidence, String note) {
        insignia.addObservation(item, frame, box, type, otherText, confidence, note);
    }

    public void setBoxDrawer(Consumer<Consumer<DrawnBox>> drawer) { insignia.setBoxDrawer(drawer); }
    public void setFrameShower(BiConsumer<EvidenceItem, Optional<Long>> shower) { insignia.setFrameShower(shower); }
    public void drawBox(Consumer<DrawnBox> receiver) { insignia.drawBox(receiver); }
    void thumbnail(InsigniaObservation observation, Consumer<javafx.scene.image.Image> show) {
        insignia.thumbnail(observation, show);
    }
    public void showObservation(InsigniaObservation observation) { insignia.showObservation(observation); }
    public ObservableList<InsigniaObservation> observations() { return insignia.observations(); }

    // Corroboration
    public void link(EvidenceItem a, EvidenceItem b, CorroborationRelation relation, String note) {
        corroboration.link(a, b, relation, note);
    }

    void comparison(Corroboration link, Consumer<CorroborationViewModel.Pair> open) {
        corroboration.comparison(link, open);
    }

    public ObservableList<Corroboration> corroborations() { return corroboration.corroborations(); }

    // Sun
    public Optional<Chronolocation> computeSun(String claimedTime, String shadowBearing) {
        return sun.computeSun(claimedTime, shadowBearing);
    }

    public void saveSun(String claimedTime, String shadowBearing, String note) {
        sun.saveSun(claimedTime, shadowBearing, note);
    }

    public String defaultClaimedTime() { return sun.defaultClaimedTime(); }
    public void setShadowDrawer(Consumer<Optional<ShadowLine>> drawer) { sun.setShadowDrawer(drawer); }
    public StringProperty sunResultProperty() { return sun.sunResultProperty(); }
    public ObservableList<Chronolocation> chronolocations() { return sun.chronolocations(); }
}
