package org.groundtruth.ui.casefile;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.core.casefile.TrustedSigner;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.CaseImporter;
import org.groundtruth.store.casefile.ZipLimits;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Open case file: verifies a received case file in the background (hashes, signature, custody chain, records
 * against custody) and looks its signer up among the investigation's trusted signers, shows the verdict with the
 * key first, then imports it on request through the same {@link CaseImporter} as {@code import-case}. A file that
 * fails can only be imported by forcing, which the custody log records; a file whose signer is not trusted only after
 * the analyst chooses to trust the key (named) or to import it once, every incident unverified. Toolkit-free.
 */
public final class ImportCaseViewModel {
    /** What to do about a signer this investigation does not trust. */
    public enum TrustChoice {
        /** Nothing chosen yet: the import stays disabled. */
        UNDECIDED,
        /** Add the key to the trusted signers (with a name), then import as trusted. */
        TRUST_KEY,
        /** Import this file once without trusting the key: every incident arrives unverified. */
        ONCE
    }

    private record Checked(CaseCheck check, Optional<TrustedSigner> signer) {
    }

    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final SimpleStringProperty verdict = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final SimpleBooleanProperty canImport = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty needsForce = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty untrusted = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty canTrustKey = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<TrustChoice> trustChoice = new SimpleObjectProperty<>(TrustChoice.UNDECIDED);
    private final SimpleStringProperty signerName = new SimpleStringProperty("");
    private Optional<Path> checked = Optional.empty();
    private Optional<String> fingerprint = Optional.empty();

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

    /** The loaded file's signer is not trusted here (or it has no valid signature): a trust choice is needed. */
    public ReadOnlyBooleanProperty untrustedProperty() {
        return untrusted;
    }

    /** The untrusted signer has a key that can be trusted (the signature is valid). */
    public ReadOnlyBooleanProperty canTrustKeyProperty() {
        return canTrustKey;
    }

    /** The analyst's choice about an untrusted signer; reset by each verification. */
    public ObjectProperty<TrustChoice> trustChoiceProperty() {
        return trustChoice;
    }

    /** Who the key belongs to, for {@link TrustChoice#TRUST_KEY}. */
    public StringProperty signerNameProperty() {
        return signerName;
    }

    /** True when an import would go ahead now: a file is loaded and, when its signer is untrusted, a choice made. */
    public boolean trustDecided() {
        return !untrusted.get() || trustChoice.get() == TrustChoice.ONCE
                || (trustChoice.get() == TrustChoice.TRUST_KEY && canTrustKey.get() && !signerName.get().isBlank());
    }

    /** Verifies {@code caseFile}; changes nothing anywhere. */
    public void verify(Path caseFile) {
        checked = Optional.empty();
        fingerprint = Optional.empty();
        problems.clear();
        canImport.set(false);
        needsForce.set(false);
        untrusted.set(false);
        canTrustKey.set(false);
        trustChoice.set(TrustChoice.UNDECIDED);
        signerName.set("");
        busy.set(true);
        Optional<Investigation> inv = investigation.get();
        verdict.set(I18n.t("casefile.open.verifying", caseFile.getFileName()));
        background.run(I18n.t("casefile.open.verifying", caseFile.getFileName()),
                progress -> {
                    CaseCheck check = org.groundtruth.store.casefile.CaseSignatureCheck.verifyAll(caseFile);
                    return new Checked(check, inv.flatMap(i -> check.signerFingerprint().flatMap(i.signers()::find)));
                }, result -> {
                    busy.set(false);
                    show(caseFile, result);
                }, error -> {
                    busy.set(false);
                    verdict.set(I18n.t("casefile.open.failed", caseFile.getFileName(), String.valueOf(error.getMessage())));
                });
    }

    private void show(Path caseFile, Checked result) {
        CaseCheck check = result.check();
        check.problems().stream().map(CaseProblem::toString).forEach(problems::add);
        // The key first: it is what the signature proves; the name in the manifest is only the file's claim.
        String key = check.signerFingerprint().map(fp -> result.signer()
                .map(s -> I18n.t("casefile.open.signerTrusted", fp, s.name().isEmpty() ? fp.substring(0, 12) : s.name()))
                .orElse(I18n.t("casefile.open.signerUntrusted", fp)))
                .orElse(I18n.t("casefile.open.unsigned"));
        String holds = check.manifest().map(m -> I18n.t("casefile.open.holds", m.incidentCount(), m.createdBy(),
                m.createdAt().toString(), check.filesChecked())).orElse("");
        verdict.set(key + "\n" + (check.isIntact()
                ? I18n.t("casefile.open.intact", caseFile.getFileName(), check.signerFingerprint().orElse(""))
                : I18n.t("casefile.open.broken", caseFile.getFileName(), check.problems().size())) + " " + holds);
        boolean importable = check.manifest().flatMap(m -> m.entry(CaseFileLayout.RECORDS)).isPresent();
        if (!importable && check.manifest().isPresent()) {
            verdict.set(verdict.get() + "\n" + I18n.t("casefile.open.noRecords"));
        }
        checked = Optional.of(caseFile);
        fingerprint = check.signerFingerprint();
        untrusted.set(result.signer().isEmpty());
        canTrustKey.set(result.signer().isEmpty() && fingerprint.isPresent());
        needsForce.set(!check.isIntact());
        canImport.set(importable && investigation.get().isPresent());
    }

    /**
     * Imports the verified file; forcing is required (and recorded) when it failed; an untrusted signer needs a
     * {@link #trustChoiceProperty() choice} first (trusting the key is itself a logged change).
     */
    public void importChecked(Runnable onDone) {
        Optional<Investigation> inv = investigation.get();
        if (checked.isEmpty() || inv.isEmpty() || !canImport.get() || !trustDecided()) {
            return;
        }
        Path caseFile = checked.get();
        boolean force = needsForce.get();
        boolean trustKey = untrusted.get() && trustChoice.get() == TrustChoice.TRUST_KEY;
        boolean once = untrusted.get() && trustChoice.get() == TrustChoice.ONCE;
        Optional<String> key = fingerprint;
        String name = signerName.get().strip();
        String who = analyst.get();
        canImport.set(false);
        busy.set(true);
        background.run(I18n.t("casefile.open.importing", caseFile.getFileName()), progress -> {
            if (trustKey) {
                inv.get().signers().trust(key.orElseThrow(), name, Optional.empty(), who);
            }
            return new CaseImporter(inv.get(), ZipLimits.DEFAULT).importCase(caseFile, force, once, who, progress);
        }, r -> {
                    busy.set(false);
                    checked = Optional.empty();
                    untrusted.set(false);
                    verdict.set(I18n.t("casefile.open.imported", r.incidentsCreated(), r.incidentsAlreadyPresent(),
                            r.evidenceImported(), r.pins(), r.observations(), r.sources(), r.corroborations())
                            + (r.forced() ? "\n" + I18n.t("casefile.open.forced") : "")
                            + (r.statusesReset() > 0 ? "\n" + I18n.t("casefile.open.statusesReset", r.statusesReset()) : ""));
                    onDone.run();
                }, error -> {
                    busy.set(false);
                    verdict.set(I18n.t("casefile.open.failed", caseFile.getFileName(), String.valueOf(error.getMessage())));
                    canImport.set(true);
                });
    }
}
