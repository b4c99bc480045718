package org.groundtruth.ui.casefile;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.CaseImporter;
import org.groundtruth.store.casefile.ZipLimits;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Open case file: verifies a received case file in the background (hashes, signature, custody chain) and
 * shows the verdict, then imports it on request. A file that fails can only be imported by forcing, which the
 * custody log records. Toolkit-free.
 */
public final class ImportCaseViewModel {
    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final SimpleStringProperty verdict = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final SimpleBooleanProperty canImport = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty needsForce = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private Optional<Path> checked = Optional.empty();

    public ImportCaseViewModel(Background background, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst) {
        this.background = background;
        this.investigation = investigation;
        this.analyst = analyst;
    }

    /** One paragraph: intact or not, who signed it with which key, what it holds; or what the import did. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict;
    }

    /** Each problem found, naming the file at fault. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** True once a verified file with importable records is loaded and an investigation is open. */
    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport;
    }

    /** The loaded file failed verification: importing it means forcing. */
    public ReadOnlyBooleanProperty needsForceProperty() {
        return needsForce;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Verifies {@code caseFile}; changes nothing anywhere. */
    public void verify(Path caseFile) {
        checked = Optional.empty();
        problems.clear();
        canImport.set(false);
        needsForce.set(false);
        busy.set(true);
        verdict.set(I18n.t("casefile.open.verifying", caseFile.getFileName()));
        background.run(I18n.t("casefile.open.verifying", caseFile.getFileName()),
                progress -> org.groundtruth.store.casefile.CaseSignatureCheck.verifyAll(caseFile), check -> {
                    busy.set(false);
                    show(caseFile, check);
                }, error -> {
                    busy.set(false);
                    verdict.set(I18n.t("casefile.open.failed", caseFile.getFileName(), String.valueOf(error.getMessage())));
                });
    }

    private void show(Path caseFile, CaseCheck check) {
        check.problems().stream().map(CaseProblem::toString).forEach(problems::add);
        String holds = check.manifest().map(m -> I18n.t("casefile.open.holds", m.incidentCount(), m.createdBy(),
                m.createdAt().toString(), check.filesChecked())).orElse("");
        verdict.set((check.isIntact()
                ? I18n.t("casefile.open.intact", caseFile.getFileName(), check.signerFingerprint().orElse(""))
                : I18n.t("casefile.open.broken", caseFile.getFileName(), check.problems().size())) + " " + holds);
        boolean importable = check.manifest().flatMap(m -> m.entry(CaseFileLayout.RECORDS)).isPresent();
        if (!importable && check.manifest().isPresent()) {
            verdict.set(verdict.get() + "\n" + I18n.t("casefile.open.noRecords"));
        }
        checked = Optional.of(caseFile);
        needsForce.set(!check.isIntact());
        canImport.set(importable && investigation.get().isPresent());
    }

    /** Imports the verified file; forcing is required (and recorded) when it failed. */
    public void importChecked(Runnable onDone) {
        Optional<Investigation> inv = investigation.get();
        if (checked.isEmpty() || inv.isEmpty() || !canImport.get()) {
            return;
        }
        Path caseFile = checked.get();
        boolean force = needsForce.get();
        String who = analyst.get();
        canImport.set(false);
        busy.set(true);
        background.run(I18n.t("casefile.open.importing", caseFile.getFileName()), progress -> new CaseImporter(inv.get(),
                ZipLimits.DEFAULT).importCase(caseFile, force, who, progress), r -> {
                    busy.set(false);
                    checked = Optional.empty();
                    verdict.set(I18n.t("casefile.open.imported", r.incidentsCreated(), r.incidentsAlreadyPresent(),
                            r.evidenceImported(), r.pins(), r.observations(), r.sources(), r.corroborations())
                            + (r.forced() ? "\n" + I18n.t("casefile.open.forced") : ""));
                    onDone.run();
                }, error -> {
                    busy.set(false);
                    verdict.set(I18n.t("casefile.open.failed", caseFile.getFileName(), String.valueOf(error.getMessage())));
                    canImport.set(true);
                });
    }
}
