package org.groundtruth.ui.casefile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.casefile.FeatureMapping;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.FeatureFile;
import org.groundtruth.store.casefile.FeatureFileReader;
import org.groundtruth.store.casefile.FeatureImporter;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Import features: reads the file in the background into a preview (one row per point: title, position,
 * precision, time), and imports exactly what was previewed when the user confirms. Toolkit-free.
 */
public final class ImportFeaturesViewModel {
    /** One previewed point. */
    public record Row(String title, double lat, double lon, double precisionMeters, String occurredAt) {
    }

    private record Loaded(Path file, FeatureFile features, List<Row> rows) {
    }

    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final SimpleStringProperty summary = new SimpleStringProperty("");
    private final SimpleBooleanProperty canImport = new SimpleBooleanProperty(false);
    private Optional<Loaded> loaded = Optional.empty();

    public ImportFeaturesViewModel(Background background, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst) {
        this.background = background;
        this.investigation = investigation;
        this.analyst = analyst;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport;
    }

    /** Reads {@code file} (nothing is written) and fills the preview. */
    public void preview(Path file) {
        canImport.set(false);
        rows.clear();
        loaded = Optional.empty();
        summary.set(I18n.t("casefile.features.reading", file.getFileName()));
        background.run(I18n.t("casefile.features.reading", file.getFileName()), progress -> {
            FeatureFile features = FeatureFileReader.read(file, Optional.empty(), Optional.empty());
            List<FeatureMapping.Mapped> mapped = FeatureImporter.preview(file, features);
            List<Row> list = new java.util.ArrayList<>(mapped.size());
            for (int i = 0; i < mapped.size(); i++) {
                var position = features.features().get(i).position();
                list.add(new Row(mapped.get(i).incident().title(), position.lat(), position.lon(),
                        mapped.get(i).precisionMeters(),
                        mapped.get(i).incident().occurredAt().map(Object::toString).orElse("")));
            }
            return new Loaded(file, features, list);
        }, result -> {
            loaded = Optional.of(result);
            rows.setAll(result.rows());
            summary.set(I18n.t("casefile.features.preview", result.rows().size(), result.features().format(),
                    result.features().skipped()));
            canImport.set(!result.rows().isEmpty() && investigation.get().isPresent());
        }, error -> summary.set(I18n.t("casefile.features.failed", String.valueOf(error.getMessage()))));
    }

    /** Imports the previewed points as incidents with pins; {@code onDone} runs after success. */
    public void importPreviewed(Runnable onDone) {
        Optional<Investigation> inv = investigation.get();
        if (loaded.isEmpty() || inv.isEmpty()) {
            return;
        }
        Loaded what = loaded.get();
        String who = analyst.get();
        canImport.set(false);
        background.run(I18n.t("casefile.features.importing"), progress -> new FeatureImporter(inv.get(),
                Clock.systemUTC()).importAll(what.file(), what.features(), who), result -> {
                    summary.set(I18n.t("casefile.features.done", result.incidentIds().size()));
                    loaded = Optional.empty();
                    onDone.run();
                }, error -> {
                    summary.set(I18n.t("casefile.features.failed", String.valueOf(error.getMessage())));
                    canImport.set(true);
                });
    }
}
