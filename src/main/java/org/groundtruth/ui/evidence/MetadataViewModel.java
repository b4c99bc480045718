package org.groundtruth.ui.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.media.MetadataJson;

/**
 * The metadata stored with an evidence item: the normalized summary (GPS, time, device, size, codec…), every raw
 * tag in a list filtered by a search text (group, name or value, any case), the reader's warnings, and the
 * "suggest a pin" hand-off to the map.
 */
public final class MetadataViewModel {
    /** One line of the summary: a label and its value. */
    public record SummaryRow(String label, String value) {
    }

    private final ObservableList<SummaryRow> summary = FXCollections.observableArrayList();
    private final ObservableList<MetadataTag> tags = FXCollections.observableArrayList();
    private final FilteredList<MetadataTag> filtered = new FilteredList<>(tags, t -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<GpsFix> gps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countLabel = new ReadOnlyStringWrapper("");
    private final StringProperty message = new SimpleStringProperty("");
    private Optional<Consumer<GpsFix>> pinHandler = Optional.empty();
    private final ReadOnlyObjectWrapper<org.groundtruth.core.evidence.TelemetryTrack> telemetry = new ReadOnlyObjectWrapper<>();

    public MetadataViewModel() {
        search.addListener((o, was, now) -> applyFilter());
    }

    public void show(EvidenceItem item) {
        MediaMetadata metadata = MetadataJson.read(item.metadataJson()).metadata();
        MetadataSummary s = metadata.summary();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row("meta.gps", s.gps().map(MetadataViewModel::describe).orElse(EvidenceText.t("meta.noFix"))));
        rows.add(row("meta.created", s.createdAt().orElse(none())));
        s.createdLocal().ifPresent(local -> rows.add(row("meta.createdLocal", local)));
        String device = (s.make().orElse("") + " " + s.model().orElse("")).strip();
        rows.add(row("meta.device", device.isEmpty() ? none() : device));
        if (s.width().isPresent() && s.height().isPresent()) {
            rows.add(row("meta.size", EvidenceText.t("meta.pixels", s.width().get(), s.height().get())));
        }
        s.durationSeconds().ifPresent(d -> rows.add(row("meta.duration", EvidenceText.t("meta.seconds", d))));
        s.frameRate().ifPresent(f -> rows.add(row("meta.frameRate", EvidenceText.t("meta.fps", f))));
        s.codec().ifPresent(c -> rows.add(row("meta.codec", c)));
        s.fixes().ifPresent(n -> rows.add(row("meta.fixes", Integer.toString(n))));
        item.derivedFrom().ifPresent(f -> rows.add(row("meta.derived", EvidenceText.t("meta.derivedFrame", f.evidenceId(), f.frameNumber()))));
        rows.add(row("meta.sha256", item.sha256().hex()));
        gps.set(s.gps().orElse(null)); // before the rows: the view builds "Suggest pin" when they change
        telemetry.set(metadata.telemetry().orElse(null));
        summary.setAll(rows);
        tags.setAll(metadata.tags());
        warnings.set(metadata.warnings().isEmpty() ? "" : EvidenceText.t("meta.warnings", String.join("; ", metadata.warnings())));
        message.set("");
        applyFilter();
    }

    public void clear() {
        summary.clear();
        tags.clear();
        gps.set(null);
        telemetry.set(null);
        warnings.set("");
        message.set("");
        applyFilter();
    }

    /** The flight track of a telemetry sidecar (as stored: long tracks are thinned evenly). */
    public Optional<org.groundtruth.core.evidence.TelemetryTrack> telemetry() {
        return Optional.ofNullable(telemetry.get());
    }

    public ReadOnlyObjectProperty<org.groundtruth.core.evidence.TelemetryTrack> telemetryProperty() {
        return telemetry.getReadOnlyProperty();
    }

    /** Where "Suggest pin" sends a position (the map); without one the view copies the coordinates instead. */
    public void setPinHandler(Consumer<GpsFix> handler) {
        pinHandler = Optional.of(handler);
    }

    /** Hands the GPS position to the map; false when no map is connected (or there is no position). */
    public boolean suggestPin() {
        GpsFix fix = gps.get();
        if (fix == null || pinHandler.isEmpty()) {
            return false;
        }
        pinHandler.get().accept(fix);
        message.set(EvidenceText.t("meta.pinSuggested", coordinates(fix)));
        return true;
    }

    /** "lat, lon" with six decimals (about 0.1 m), the form the map's search accepts. */
    public static String coordinates(GpsFix fix) {
        return String.format(Locale.ROOT, "%.6f, %.6f", fix.latitudeDegrees(), fix.longitudeDegrees());
    }

    private void applyFilter() {
        String needle = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(needle.isEmpty() ? t -> true
                : t -> t.group().toLowerCase(Locale.ROOT).contains(needle) || t.name().toLowerCase(Locale.ROOT).contains(needle)
                        || t.value().toLowerCase(Locale.ROOT).contains(needle));
        countLabel.set(EvidenceText.t("meta.tagCount", filtered.size(), tags.size()));
    }

    private static String describe(GpsFix fix) {
        return coordinates(fix) + fix.altitudeMetres().map(a -> String.format(Locale.ROOT, ", %.1f m", a)).orElse("")
                + "  (" + org.groundtruth.ui.common.FootprintNotes.source(fix.source()) + ")";
    }

    private static SummaryRow row(String key, String value) {
        return new SummaryRow(EvidenceText.t(key), value);
    }

    private static String none() {
        return EvidenceText.t("meta.none");
    }

    public ObservableList<SummaryRow> summary() {
        return summary;
    }

    public ObservableList<MetadataTag> filteredTags() {
        return filtered;
    }

    public ObservableList<MetadataTag> allTags() {
        return tags;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<GpsFix> gpsProperty() {
        return gps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countLabelProperty() {
        return countLabel.getReadOnlyProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }
}
