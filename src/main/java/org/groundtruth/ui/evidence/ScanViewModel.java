package org.groundtruth.ui.evidence;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.insignia.EmblemTemplate;
import org.groundtruth.core.insignia.RejectedCandidate;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.media.insignia.InsigniaScanner;
import org.groundtruth.media.insignia.StarterEmblems;
import org.groundtruth.media.insignia.TemplatePictures;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Background;

/**
 * The insignia scan of the shown item: the investigation's emblem library (the starter set joins it on first
 * use), a background scan with progress and cancel whose candidates appear as they are found (less those the
 * analyst rejected before), and accept (creates the insignia observation) or reject (remembered) per candidate.
 */
public final class ScanViewModel {
    /** A template in the library, and whether this scan looks for it. */
    public record TemplateChoice(EmblemTemplate template, BooleanProperty selected) {
    }

    /**
     * A box the analyst dragged on the shown frame or photo to make a template: the item, the frame (videos), the
     * box as fractions of the picture, and the decoded picture it was drawn on (converted off the FX thread).
     */
    public record DrawnTemplate(String evidenceId, Optional<Long> frame, NormalizedBox box,
            Supplier<BufferedImage> picture) {
    }

    private static final int PROGRESS_EVERY = 25;

    private final EvidenceAccess access;
    private final Background background;
    private final Executor fxThread;
    private final ObservableList<TemplateChoice> templates = FXCollections.observableArrayList();
    private final ObservableList<ScanCandidate> candidates = FXCollections.observableArrayList();
    private final IntegerProperty everyNth = new SimpleIntegerProperty(ScanSettings.DEFAULT.everyNth());
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final LongProperty frameCount = new SimpleLongProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty markings = new SimpleStringProperty("");
    private final ObjectProperty<InsigniaType> markingType = new SimpleObjectProperty<>(InsigniaType.RESCUE_LETTERING);
    private Supplier<Optional<String>> incident = Optional::empty;
    private Runnable onAccepted = () -> { };
    private Optional<EvidenceItem> item = Optional.empty();
    private Optional<Background.Job> job = Optional.empty();

    public ScanViewModel(EvidenceAccess access, Background background, Executor fxThread) {
        this.access = access;
        this.background = background;
        this.fxThread = fxThread;
    }

    /** Where accepted observations go: the incident the evidence list shows. */
    public void setIncident(Supplier<Optional<String>> current) {
        incident = current;
    }

    /** Called after an acceptance created an observation (the window refreshes its insignia list). */
    public void setOnAccepted(Runnable action) {
        onAccepted = action;
    }

    /** The item a scan will look at; clears the previous item's candidates. */
    void use(Optional<EvidenceItem> shown) {
        cancel();
        item = shown;
        candidates.clear();
        frameCount.set(shown.flatMap(i -> i.media().durationSeconds().flatMap(d -> i.media().framesPerSecond()
                .map(f -> Math.round(d * f)))).orElse(0L));
        progress.set(0);
        message.set("");
    }

    /** Reads the library, adding the starter set when it is missing. */
    public void loadTemplates() {
        Optional<Investigation> inv = access.investigation();
        if (inv.isEmpty()) {
            return;
        }
        String analyst = access.analyst();
        background.run(EvidenceText.t("scan.loadingTemplates"), p -> {
            var store = inv.get().insigniaScans();
            for (StarterEmblems.Starter s : StarterEmblems.all()) {
                if (store.templateNamed(s.name()).isEmpty()) {
                    store.addTemplate(s.name(), s.type(), EvidenceText.t("scan.starterSource"), s.png(), analyst);
                }
            }
            return store.templates();
        }, this::showTemplates, this::fail);
    }

    /** Imports a picture file (PNG, JPEG…, or SVG, drawn at 128 px) as a template of {@code type}. */
    public void importTemplate(Path picture, InsigniaType type) {
        Optional<Investigation> inv = access.investigation();
        if (inv.isEmpty()) {
            return;
        }
        String analyst = access.analyst();
        String name = picture.getFileName().toString().replaceFirst("\\.[A-Za-z0-9]+$", "");
        background.run(EvidenceText.t("scan.importing", name), p -> {
            byte[] read = Files.readAllBytes(picture);
            byte[] bytes;
            try {
                bytes = TemplatePictures.isSvg(read) ? TemplatePictures.fromSvg(read) : read;
            } catch (org.groundtruth.media.MediaFormatException e) {
                throw new BadInputException(picture.getFileName() + ": " + e.getMessage(), e);
            }
            return store(inv.get(), name, type, EvidenceText.t("scan.fileSource", picture.getFileName()), bytes, analyst);
        }, this::showTemplates, this::templateFailed);
    }

    /**
     * Adds the region the analyst dragged on a frame or photo as a template named {@code name} of {@code type},
     * cropped from the decoded picture at full resolution; its source records the evidence item and frame.
     */
    public void addTemplateFromBox(DrawnTemplate drawn, String name, InsigniaType type) {
        Optional<Investigation> inv = access.investigation();
        if (inv.isEmpty()) {
            return;
        }
        if (name.isBlank()) {
            message.set(EvidenceText.t("scan.nameNeeded"));
            return;
        }
        String analyst = access.analyst();
        String trimmed = name.strip();
        String source = drawn.frame().map(n -> EvidenceText.t("scan.frameSource", drawn.evidenceId(), String.valueOf(n)))
                .orElseGet(() -> EvidenceText.t("scan.photoSource", drawn.evidenceId()));
        background.run(EvidenceText.t("scan.importing", trimmed), p -> store(inv.get(), trimmed, type, source,
                TemplatePictures.crop(drawn.picture().get(), drawn.box()), analyst), library -> {
                    showTemplates(library);
                    message.set(EvidenceText.t("scan.templateAdded", trimmed, source));
                }, this::templateFailed);
    }

    /** Prepares the picture once (one the scanner cannot use is refused before it enters the library), then stores it. */
    private static List<EmblemTemplate> store(Investigation inv, String name, InsigniaType type, String source,
            byte[] bytes, String analyst) {
        InsigniaScanner check;
        try {
            check = new InsigniaScanner(List.of(new InsigniaScanner.TemplateInput(name, type, bytes)), List.of(),
                    ScanSettings.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
        try (check) {
            var store = inv.insigniaScans();
            store.addTemplate(name, type, source, bytes, analyst);
            return store.templates();
        }
    }

    /** Starts scanning the shown item with the selected templates. */
    public void scan() {
        Optional<Investigation> inv = access.investigation();
        Optional<EvidenceItem> target = item;
        List<EmblemTemplate> chosen = templates.stream().filter(c -> c.selected().get()).map(TemplateChoice::template).toList();
        List<String> words = markingWords(markings.get());
        if (inv.isEmpty() || target.isEmpty() || running.get()) {
            return;
        }
        if (chosen.isEmpty() && words.isEmpty()) {
            message.set(EvidenceText.t("scan.noTemplate"));
            return;
        }
        Optional<Path> original = access.originalPath(target.get());
        if (original.isEmpty()) {
            return;
        }
        ScanSettings settings = ScanSettings.DEFAULT.withEveryNth(Math.max(1, everyNth.get()));
        boolean video = EvidenceViewModel.isVideo(target.get());
        String evidenceId = target.get().id();
        candidates.clear();
        running.set(true);
        progress.set(0);
        message.set(EvidenceText.t("scan.running"));
        job = Optional.of(background.run(EvidenceText.t("scan.title", target.get().originalName()), p -> {
            var store = inv.get().insigniaScans();
            List<InsigniaScanner.TemplateInput> inputs = new ArrayList<>();
            for (EmblemTemplate t : chosen) {
                inputs.add(new InsigniaScanner.TemplateInput(t.name(), t.type(), store.picture(t.id())));
            }
            List<RejectedCandidate> rejected = store.rejections(evidenceId);
            try (InsigniaScanner scanner = new InsigniaScanner(inputs, words, settings)) {
                if (!video) {
                    InsigniaScanner.Result r = scanner.scanPhoto(original.get());
                    r.candidates().stream().filter(c -> notRejected(rejected, evidenceId, c)).forEach(this::found);
                    return r;
                }
                long total = Math.max(1, InsigniaScanner.frameCountEstimate(original.get()));
                return scanner.scanVideo(original.get(), p::isCancelled, n -> {
                    p.progress(n, total);
                    if (n % PROGRESS_EVERY == 0) {
                        fxThread.execute(() -> progress.set(Math.min(1, (double) n / total)));
                    }
                }, c -> {
                    if (notRejected(rejected, evidenceId, c)) {
                        found(c);
                    }
                });
            }
        }, result -> {
            running.set(false);
            job = Optional.empty();
            progress.set(1);
            message.set(EvidenceText.t(result.complete() ? "scan.done" : "scan.stopped", candidates.size(),
                    result.framesScanned()));
        }, error -> {
            running.set(false);
            job = Optional.empty();
            fail(error);
        }));
    }

    /** The markings typed in the field ("ДСНС, 101"): split at commas and semicolons, blanks and repeats left out. */
    static List<String> markingWords(String typed) {
        return java.util.Arrays.stream(typed.split("[,;]")).map(String::strip).filter(w -> !w.isEmpty()).distinct()
                .toList();
    }

    private static boolean notRejected(List<RejectedCandidate> rejected, String evidenceId, ScanCandidate c) {
        return rejected.stream().noneMatch(r -> r.covers(evidenceId, c));
    }

    private void found(ScanCandidate c) {
        fxThread.execute(() -> {
            if (running.get()) {
                candidates.add(c);
            }
        });
    }

    public void cancel() {
        job.ifPresent(Background.Job::cancel);
    }

    /** Accepts a candidate: the observation is created for the current incident with the template's type. */
    public void accept(ScanCandidate candidate) {
        Optional<Investigation> inv = access.investigation();
        Optional<String> incidentId = incident.get();
        Optional<EvidenceItem> target = item;
        if (inv.isEmpty() || target.isEmpty()) {
            return;
        }
        if (incidentId.isEmpty()) {
            message.set(EvidenceText.t("scan.selectIncident"));
            return;
        }
        InsigniaType type = candidate.method() == org.groundtruth.core.insignia.MatchMethod.OCR ? markingType.get()
                : templates.stream().map(TemplateChoice::template)
                .filter(t -> t.name().equals(candidate.template())).map(EmblemTemplate::type).findFirst()
                .orElse(InsigniaType.OTHER);
        String analyst = access.analyst();
        background.run(EvidenceText.t("scan.accepting"), p -> inv.get().insigniaScans().accept(incidentId.get(),
                target.get().id(), candidate, type, target.get().media().framesPerSecond(), analyst), o -> {
                    candidates.remove(candidate);
                    message.set(EvidenceText.t("scan.accepted", o.id()));
                    onAccepted.run();
                }, this::fail);
    }

    /** Rejects a candidate: it leaves the list and a rescan of this item does not offer it again. */
    public void reject(ScanCandidate candidate) {
        Optional<Investigation> inv = access.investigation();
        Optional<EvidenceItem> target = item;
        if (inv.isEmpty() || target.isEmpty()) {
            return;
        }
        String analyst = access.analyst();
        background.run(EvidenceText.t("scan.rejecting"), p -> inv.get().insigniaScans().reject(target.get().id(),
                candidate, analyst), r -> candidates.remove(candidate), this::fail);
    }

    private void showTemplates(List<EmblemTemplate> library) {
        List<String> was = templates.stream().filter(c -> !c.selected().get()).map(c -> c.template().id()).toList();
        templates.setAll(library.stream().map(t -> new TemplateChoice(t, new SimpleBooleanProperty(!was.contains(t.id()))))
                .toList());
    }

    private void templateFailed(Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof BadInputException) ? error.getCause() : error;
        message.set(EvidenceText.t("scan.templateFailed", cause.getMessage() == null ? cause.toString() : cause.getMessage()));
    }

    private void fail(Throwable error) {
        if (error instanceof java.util.concurrent.CancellationException) {
            message.set(EvidenceText.t("scan.stopped", candidates.size(), "…"));
            return;
        }
        Throwable cause = error.getCause() != null && !(error instanceof BadInputException) ? error.getCause() : error;
        message.set(EvidenceText.t("scan.failed", cause.getMessage() == null ? cause.toString() : cause.getMessage()));
    }

    public ObservableList<TemplateChoice> templates() {
        return templates;
    }

    public ObservableList<ScanCandidate> candidates() {
        return candidates;
    }

    public IntegerProperty everyNthProperty() {
        return everyNth;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Frames in the shown video (for the timeline); 0 when unknown or a photo. */
    public LongProperty frameCountProperty() {
        return frameCount;
    }

    /** Text markings to read by OCR in the same scan, comma-separated ("ДСНС, 101, ШВИДКА"). */
    public StringProperty markingsProperty() {
        return markings;
    }

    /** The insignia type an accepted marking (OCR) candidate records. */
    public ObjectProperty<InsigniaType> markingTypeProperty() {
        return markingType;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
