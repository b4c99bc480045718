package org.groundtruth.ui.casefile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.media.VideoRemuxer;
import org.groundtruth.store.IntegrityCheck;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.CaseExporter;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Export case file: the options the user picks and the export itself, run in the background with
 * progress and cancel (the status bar's). Toolkit-free: its test runs the work inline.
 */
public final class ExportCaseViewModel {
    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final Supplier<ReportFigures> figures;
    private final BooleanProperty verifiedOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty includeMedia = new SimpleBooleanProperty(true);
    private final BooleanProperty publicVersion = new SimpleBooleanProperty(false);
    private final DoubleProperty gridMeters = new SimpleDoubleProperty(GridSnap.DEFAULT_CELL_METERS);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private Optional<Background.Job> job = Optional.empty();

    /** {@code figures} makes the report's map and frame renderers for one export; they are closed after it. */
    public ExportCaseViewModel(Background background, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst, Supplier<ReportFigures> figures) {
        this.background = background;
        this.investigation = investigation;
        this.analyst = analyst;
        this.figures = figures;
    }

    public BooleanProperty verifiedOnlyProperty() {
        return verifiedOnly;
    }

    public BooleanProperty includeMediaProperty() {
        return includeMedia;
    }

    public BooleanProperty publicVersionProperty() {
        return publicVersion;
    }

    public DoubleProperty gridMetersProperty() {
        return gridMeters;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** The outcome in words: where the file went and the signing key's fingerprint, or why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    ExportOptions options() {
        return new ExportOptions(verifiedOnly.get() ? Set.of(VerificationStatus.VERIFIED) : Set.of(), List.of(),
                includeMedia.get(), publicVersion.get() ? Optional.of(new GridSnap(gridMeters.get())) : Optional.empty(),
                I18n.locale());
    }

    /** Starts the export to {@code target}; false (with a message) when no investigation is open or one is running. */
    public boolean export(Path target) {
        if (running.get()) {
            return false;
        }
        Optional<Investigation> inv = investigation.get();
        if (inv.isEmpty()) {
            message.set(I18n.t("casefile.export.noInvestigation"));
            return false;
        }
        ExportOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            message.set(I18n.t("casefile.export.failed", e.getMessage()));
            return false;
        }
        String who = analyst.get();
        running.set(true);
        message.set("");
        job = Optional.of(background.run(I18n.t("casefile.export.task"),
                progress -> {
                    try (ReportFigures pictures = figures.get()) {
                        return new CaseExporter(inv.get(), pictures, new VideoRemuxer()).export(options, target, who, progress);
                    }
                },
                summary -> {
                    running.set(false);
                    message.set(I18n.t("casefile.export.done", summary.incidents(), summary.evidenceFiles(),
                            summary.file().toString(), summary.signerFingerprint()));
                },
                error -> {
                    running.set(false);
                    message.set(error instanceof CancellationException ? I18n.t("casefile.export.cancelled")
                            : error instanceof IntegrityCheck.NotIntactException refused
                            ? I18n.t("casefile.export.refused", refused.problem())
                            : I18n.t("casefile.export.failed", String.valueOf(error.getMessage())));
                }));
        return true;
    }

    public void cancel() {
        job.ifPresent(Background.Job::cancel);
    }
}
