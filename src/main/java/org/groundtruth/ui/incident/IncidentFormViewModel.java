package org.groundtruth.ui.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The incident detail form: every field as text or a choice, turned into a validated {@link Incident} on save.
 * A new incident is created on the first save; afterwards saves update it. Each save is one logged change.
 */
public final class IncidentFormViewModel {
    static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Session session;
    private final Background background;
    private Optional<Incident> original = Optional.empty();

    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty occurredAt = new SimpleStringProperty("");
    private final ObjectProperty<TimePrecision> timePrecision = new SimpleObjectProperty<>(TimePrecision.UNKNOWN);
    private final StringProperty placeName = new SimpleStringProperty("");
    private final StringProperty admin1 = new SimpleStringProperty("");
    private final StringProperty coordinates = new SimpleStringProperty("");
    private final ObjectProperty<TargetType> targetType = new SimpleObjectProperty<>(TargetType.OTHER);
    private final ObjectProperty<StrikeType> strikeType = new SimpleObjectProperty<>(StrikeType.UNKNOWN);
    private final ObjectProperty<StrikeSequence> strikeSequence = new SimpleObjectProperty<>(StrikeSequence.UNKNOWN);
    private final StringProperty killedResponders = new SimpleStringProperty("0");
    private final StringProperty injuredResponders = new SimpleStringProperty("0");
    private final StringProperty killedCivilians = new SimpleStringProperty("0");
    private final StringProperty injuredCivilians = new SimpleStringProperty("0");
    /** Shown, not edited here: status changes go through the review workflow with a rationale. */
    private final ObjectProperty<VerificationStatus> status = new SimpleObjectProperty<>(VerificationStatus.UNVERIFIED);
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<Sensitivity> sensitivity = new SimpleObjectProperty<>(Sensitivity.PUBLIC);
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty editing = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);

    public IncidentFormViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        // A time typed to the minute is known to the minute, unless the analyst already chose a precision.
        occurredAt.addListener((o, was, now) -> {
            if (timePrecision.get() == TimePrecision.UNKNOWN && isMinuteTime(now)) {
                timePrecision.set(TimePrecision.MINUTE);
            }
        });
    }

    static boolean isMinuteTime(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            TIME_FORMAT.parse(text.strip().replace('T', ' '));
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Re-reads the one text this ViewModel composes itself; edits in progress stay. */
    public void relocalize() {
        if (original.isEmpty()) {
            id.set(I18n.t("form.unsaved"));
        }
    }

    /** Shows {@code incident} for editing, or an empty form for a new one. */
    public void load(Optional<Incident> incident) {
        original = incident;
        Incident i = incident.orElse(Incident.titled(I18n.t("form.newTitle")));
        id.set(incident.map(Incident::id).orElse(I18n.t("form.unsaved")));
        title.set(incident.isPresent() ? i.title() : "");
        description.set(i.description());
        occurredAt.set(i.occurredAt().map(t -> TIME_FORMAT.format(t.atOffset(ZoneOffset.UTC))).orElse(""));
        timePrecision.set(i.timePrecision());
        placeName.set(i.placeName());
        admin1.set(i.admin1());
        coordinates.set(i.location().map(LatLon::toString).orElse(""));
        targetType.set(i.targetType());
        strikeType.set(i.strikeType());
        strikeSequence.set(i.strikeSequence());
        killedResponders.set(String.valueOf(i.casualties().killedResponders()));
        injuredResponders.set(String.valueOf(i.casualties().injuredResponders()));
        killedCivilians.set(String.valueOf(i.casualties().killedCivilians()));
        injuredCivilians.set(String.valueOf(i.casualties().injuredCivilians()));
        status.set(i.status());
        tags.set(String.join(", ", i.tags()));
        sensitivity.set(i.sensitivity());
        reason.set("");
        message.set("");
        editing.set(incident.isPresent());
    }

    /**
     * The same incident as stored now (changed by another process): shown when the form holds no edit of the
     * analyst's; an edit in progress is kept (saving it then is the analyst's choice).
     */
    public void reloadIfUnedited(Incident fresh) {
        if (original.isEmpty() || !original.get().id().equals(fresh.id()) || original.get().equals(fresh)) {
            return;
        }
        boolean edited;
        try {
            edited = !toIncident().equals(original.get());
        } catch (RuntimeException e) {
            edited = true; // a half-typed value is an edit
        }
        if (!edited) {
            String kept = message.get();
            load(Optional.of(fresh));
            message.set(kept);
        }
    }

    /** The incident the form describes, validated; throws with a message naming the bad field. */
    Incident toIncident() {
        if (title.get() == null || title.get().isBlank()) {
            throw new BadInputException(I18n.t("form.error.title"));
        }
        Incident base = original.orElseGet(() -> Incident.titled(title.get()));
        return base.toBuilder().title(title.get()).description(description.get()).occurredAt(parseTime())
                .timePrecision(occurredAt.get().isBlank() ? TimePrecision.UNKNOWN : timePrecision.get())
                .placeName(placeName.get()).admin1(admin1.get()).location(parseCoordinates())
                .targetType(targetType.get()).strikeType(strikeType.get()).strikeSequence(strikeSequence.get())
                .casualties(new Casualties(count(killedResponders, "form.killedResponders"),
                        count(injuredResponders, "form.injuredResponders"), count(killedCivilians, "form.killedCivilians"),
                        count(injuredCivilians, "form.injuredCivilians")))
                .tags(Arrays.stream(tags.get().split(",")).toList())
                .sensitivity(sensitivity.get()).build();
    }

    /** Validates and saves in the background; {@code onSaved} gets the stored incident. */
    public void save(Consumer<Incident> onSaved) {
        var investigation = session.investigation();
        if (investigation.isEmpty()) {
            return;
        }
        Incident incident;
        try {
            incident = toIncident();
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        boolean isNew = original.isEmpty();
        String analyst = session.analyst();
        String why = reason.get();
        saving.set(true);
        background.run(I18n.t("task.save"), progress -> isNew
                ? investigation.get().incidents().create(incident, analyst, why)
                : investigation.get().incidents().update(incident, analyst, why), saved -> {
                    saving.set(false);
                    load(Optional.of(saved));
                    message.set(I18n.t(isNew ? "form.created" : "form.saved", saved.id()));
                    onSaved.accept(saved);
                }, error -> {
                    saving.set(false);
                    message.set(Errors.message(error));
                });
    }

    private Optional<Instant> parseTime() {
        String text = occurredAt.get() == null ? "" : occurredAt.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.replace('T', ' '), TIME_FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(java.time.LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                throw new BadInputException(I18n.t("form.error.time", text));
            }
        }
    }

    private Optional<LatLon> parseCoordinates() {
        String text = coordinates.get() == null ? "" : coordinates.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = text.split("[,;\\s]+");
        try {
            if (parts.length == 2) {
                return Optional.of(new LatLon(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(I18n.t("form.error.coordinates", text) + " (" + Errors.message(e) + ")");
        }
        throw new BadInputException(I18n.t("form.error.coordinates", text));
    }

    private static int count(StringProperty field, String labelKey) {
        String text = field.get() == null ? "" : field.get().strip();
        try {
            int n = text.isEmpty() ? 0 : Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException(I18n.t("form.error.count", I18n.t(labelKey), text));
        }
    }

    public StringProperty idProperty() { return id; }
    public StringProperty titleProperty() { return title; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty occurredAtProperty() { return occurredAt; }
    public ObjectProperty<TimePrecision> timePrecisionProperty() { return timePrecision; }
    public StringProperty placeNameProperty() { return placeName; }
    public StringProperty admin1Property() { return admin1; }
    public StringProperty coordinatesProperty() { return coordinates; }
    public ObjectProperty<TargetType> targetTypeProperty() { return targetType; }
    public ObjectProperty<StrikeType> strikeTypeProperty() { return strikeType; }
    public ObjectProperty<StrikeSequence> strikeSequenceProperty() { return strikeSequence; }
    public StringProperty killedRespondersProperty() { return killedResponders; }
    public StringProperty injuredRespondersProperty() { return injuredResponders; }
    public StringProperty killedCiviliansProperty() { return killedCivilians; }
    public StringProperty injuredCiviliansProperty() { return injuredCivilians; }
    public ObjectProperty<VerificationStatus> statusProperty() { return status; }
    public StringProperty tagsProperty() { return tags; }
    public ObjectProperty<Sensitivity> sensitivityProperty() { return sensitivity; }
    public StringProperty reasonProperty() { return reason; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty editingProperty() { return editing; }
    public BooleanProperty savingProperty() { return saving; }

    /** True while the open investigation is read-only: the view turns its editing controls off. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyProperty() {
        return session.readOnlyProperty();
    }
}
