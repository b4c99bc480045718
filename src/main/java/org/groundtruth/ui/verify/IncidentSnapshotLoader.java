package org.groundtruth.ui.verify;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Session;

/**
 * The incident being verified and everything shown for it, loaded together in the background. Each load takes a
 * generation number; a load that finishes after a newer one started is dropped, so an older, slower load never
 * overwrites what a newer one showed. Changes made by the workflow ViewModels go through {@link #change}: one
 * logged change in the background, then a reload.
 */
final class IncidentSnapshotLoader {
    /** Everything shown for one incident, loaded together in the background. */
    record Snapshot(Incident incident, List<GeolocationPin> pins, List<InsigniaObservation> observations,
            List<Corroboration> corroborations, List<Chronolocation> chronolocations, List<Review> reviews,
            List<AuditEntry> history, List<EvidenceItem> evidence) {
    }

    /** One change to the open investigation; returns the incident as it is afterwards. */
    @FunctionalInterface
    interface Change {
        Incident apply(Investigation investigation);
    }

    private final Session session;
    private final Background background;
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<GeolocationPin> pins = FXCollections.observableArrayList();
    private final ObservableList<InsigniaObservation> observations = FXCollections.observableArrayList();
    private final ObservableList<Corroboration> corroborations = FXCollections.observableArrayList();
    private final ObservableList<Chronolocation> chronolocations = FXCollections.observableArrayList();
    private final ObservableList<Review> reviews = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObservableList<EvidenceItem> evidence = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private Consumer<Incident> onChanged = i -> { };
    /** Counts loads (and clears); only the result of the latest one is shown. Touched on the FX thread only. */
    private long generation;

    IncidentSnapshotLoader(Session session, Background background) {
        this.session = session;
        this.background = background;
        incident.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                message.set("");
            }
            refresh();
        });
    }

    void refresh() {
        Incident current = incident.get();
        Optional<Investigation> open = session.investigation();
        if (current == null || open.isEmpty()) {
            clear();
            return;
        }
        Investigation inv = open.get();
        long load = ++generation;
        background.run(I18n.t("task.loadVerification"), p -> {
            List<EvidenceItem> items = inv.evidence().forIncident(current.id());
            List<Corroboration> links = items.stream().flatMap(e -> inv.verification().corroborations(e.id()).stream())
                    .distinct().toList();
            return new Snapshot(inv.incidents().get(current.id()), inv.verification().pins(current.id()),
                    inv.verification().observations(current.id()), links,
                    inv.verification().chronolocations(current.id()), inv.verification().reviews(current.id()),
                    inv.workflow().history(current.id()), items);
        }, snapshot -> {
            if (load != generation || incident.get() == null
                    || !incident.get().id().equals(snapshot.incident().id())) {
                return; // a newer load started (or the incident changed) after this one
            }
            // Replaced only where they differ: a list that did not change keeps its selection and scroll position.
            replace(pins, snapshot.pins());
            replace(observations, snapshot.observations());
            replace(corroborations, snapshot.corroborations());
            replace(chronolocations, snapshot.chronolocations());
            replace(reviews, snapshot.reviews());
            replace(history, snapshot.history());
            replace(evidence, snapshot.evidence());
        }, error -> {
            if (load == generation) {
                message.set(Errors.message(error));
            }
        });
    }

    private static <T> void replace(ObservableList<T> shown, List<T> loaded) {
        if (!shown.equals(loaded)) {
            shown.setAll(loaded);
        }
    }

    private void clear() {
        generation++; // a load still running belongs to what was shown before
        pins.clear();
        observations.clear();
        corroborations.clear();
        chronolocations.clear();
        reviews.clear();
        history.clear();
        evidence.clear();
    }

    /** Runs {@code change} in the background as one logged change, then shows the incident as it is afterwards. */
    void change(String title, Change change) {
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

    /** The id of the incident being verified (call only with one selected). */
    String id() {
        return incident.get().id();
    }

    /** The shown evidence item with this id, if it belongs to the incident. */
    Optional<EvidenceItem> item(String evidenceId) {
        return evidence.stream().filter(e -> e.id().equals(evidenceId)).findFirst();
    }

    void setOnChanged(Consumer<Incident> callback) {
        onChanged = callback;
    }

    Session session() { return session; }
    Background background() { return background; }
    ObjectProperty<Incident> incidentProperty() { return incident; }
    ObservableList<GeolocationPin> pins() { return pins; }
    ObservableList<InsigniaObservation> observations() { return observations; }
    ObservableList<Corroboration> corroborations() { return corroborations; }
    ObservableList<Chronolocation> chronolocations() { return chronolocations; }
    ObservableList<Review> reviews() { return reviews; }
    ObservableList<AuditEntry> history() { return history; }
    ObservableList<EvidenceItem> evidence() { return evidence; }
    StringProperty messageProperty() { return message; }
}
