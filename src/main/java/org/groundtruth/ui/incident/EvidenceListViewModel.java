package org.groundtruth.ui.incident;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The selected incident's evidence, and importing files into it (file chooser or drag-and-drop). Imports run
 * in the background with progress over all bytes and can be cancelled between and within files.
 */
public final class EvidenceListViewModel {
    private final Session session;
    private final Background background;
    private final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();
    private final ObservableList<EvidenceItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<EvidenceItem> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty importing = new SimpleBooleanProperty(false);
    private Optional<Background.Job> currentImport = Optional.empty();
    private Runnable onImported = () -> { };
    private boolean reloading;
    private Optional<String> wanted = Optional.empty();

    public EvidenceListViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        incident.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                selected.set(null); // another incident: its own items, nothing selected yet
            }
            refresh();
        });
    }

    public void refresh() {
        Incident current = incident.get();
        if (current == null || session.investigation().isEmpty()) {
            items.clear();
            selected.set(null);
            return;
        }
        var investigation = session.investigation().get();
        background.run(I18n.t("task.loadEvidence"), p -> investigation.evidence().forIncident(current.id()), found -> {
            if (incident.get() != null && incident.get().id().equals(current.id())) {
                showKeepingSelection(found);
            }
        }, error -> message.set(Errors.message(error)));
    }

    /**
     * The list again (after an edit, or a change by another process) with the same item selected: the table's
     * selection is cleared while its items are replaced, which must not close what the viewer shows.
     */
    private void showKeepingSelection(List<EvidenceItem> found) {
        Optional<String> keep = wanted.or(() -> Optional.ofNullable(selected.get()).map(EvidenceItem::id));
        wanted = Optional.empty();
        if (found.equals(items)) {
            keep.flatMap(id -> items.stream().filter(e -> e.id().equals(id)).findFirst()).ifPresent(selected::set);
            return;
        }
        reloading = true;
        try {
            items.setAll(found);
        } finally {
            reloading = false;
        }
        selected.set(keep.flatMap(id -> found.stream().filter(e -> e.id().equals(id)).findFirst()).orElse(null));
    }

    /** Selects the item {@code evidenceId} when the list next loads (a reopened investigation's last item). */
    public void selectWhenLoaded(Optional<String> evidenceId) {
        wanted = evidenceId;
    }

    /** True while the list is being replaced: the view's transient "nothing selected" is not a choice. */
    public boolean isReloading() {
        return reloading;
    }

    /** Imports files into the selected incident; bad files are reported by name and skipped, none is half-stored. */
    public void importFiles(List<Path> files) {
        Incident target = incident.get();
        if (target == null || session.investigation().isEmpty() || files.isEmpty()) {
            message.set(I18n.t("evidence.selectIncidentFirst"));
            return;
        }
        var investigation = session.investigation().get();
        String analyst = session.analyst();
        importing.set(true);
        message.set(I18n.t("evidence.importing", files.size()));
        currentImport = Optional.of(background.run(I18n.t("task.import", files.size()), progress -> {
            long total = 0;
            for (Path file : files) {
                try {
                    total += EvidenceService.checkImportable(file);
                } catch (IllegalArgumentException e) {
                    // reported per file below
                }
            }
            return importAll(investigation, files, target.id(), analyst, progress, total);
        }, summary -> {
            importing.set(false);
            message.set(summary);
            refresh();
            onImported.run();
        }, error -> {
            importing.set(false);
            message.set(Errors.message(error));
            refresh();
            onImported.run();
        }));
    }

    private static String importAll(org.groundtruth.store.Investigation investigation, List<Path> files,
            String incidentId, String analyst, ProgressMonitor progress, long totalBytes) {
        List<String> problems = new ArrayList<>();
        int added = 0;
        int duplicates = 0;
        long[] doneBefore = {0};
        for (Path file : files) {
            if (progress.isCancelled()) {
                throw new java.util.concurrent.CancellationException(I18n.t("evidence.cancelled", added));
            }
            ProgressMonitor overall = new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                    progress.progress(doneBefore[0] + done, totalBytes);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            try {
                var result = investigation.evidence().importFile(file, new ImportRequest(Optional.of(incidentId),
                        Optional.empty(), Sensitivity.PUBLIC), analyst, overall);
                doneBefore[0] += result.item().sizeBytes();
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    added++;
                }
            } catch (IllegalArgumentException | org.groundtruth.store.StoreException e) {
                problems.add(Errors.message(e));
            }
        }
        String summary = I18n.t("evidence.imported", added, duplicates);
        return problems.isEmpty() ? summary : summary + " " + I18n.t("evidence.problems", String.join("; ", problems));
    }

    public void cancelImport() {
        currentImport.ifPresent(Background.Job::cancel);
    }

    public void setOnImported(Runnable callback) {
        onImported = callback;
    }

    public ObjectProperty<Incident> incidentProperty() {
        return incident;
    }

    public ObservableList<EvidenceItem> items() {
        return items;
    }

    public ObjectProperty<EvidenceItem> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty importingProperty() {
        return importing;
    }

    /** True while the open investigation is read-only: the view turns its editing controls off. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyProperty() {
        return session.readOnlyProperty();
    }
}
