package org.groundtruth.ui.verify;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.verify.VerificationViewModel.DrawnBox;

/**
 * Insignia observations: a box drawn on a photo or a video frame, its type and confidence; the list's thumbnails
 * (decoded in the background and kept per observation) and showing an observation in the evidence viewer.
 */
public final class InsigniaViewModel {
    private final IncidentSnapshotLoader loader;
    private final java.util.Map<String, Image> thumbnails = new java.util.HashMap<>();
    private Consumer<Consumer<DrawnBox>> boxDrawer;
    private BiConsumer<EvidenceItem, Optional<Long>> frameShower = (item, frame) -> { };

    InsigniaViewModel(IncidentSnapshotLoader loader) {
        this.loader = loader;
        this.boxDrawer = receiver -> loader.messageProperty().set(I18n.t("verify.noViewer"));
    }

    /** An insignia observation on a photo, or on frame {@code frame} of a video; the box is normalized (0..1). */
    public void addObservation(EvidenceItem item, Optional<Long> frame, NormalizedBox box, InsigniaType type,
            String otherText, Confidence confidence, String note) {
        InsigniaObservation observation;
        try {
            Optional<Double> time = frame.flatMap(n -> item.media().framesPerSecond().filter(f -> f > 0).map(f -> n / f));
            observation = new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), loader.id(), item.id(),
                    frame, time, box, type, otherText, confidence, note, loader.session().analyst(), Instant.now());
        } catch (IllegalArgumentException e) {
            loader.messageProperty().set(Errors.message(e));
            return;
        }
        loader.change(I18n.t("task.insignia"), inv -> {
            inv.verification().addObservation(observation, loader.session().analyst(), note);
            return inv.incidents().get(observation.incidentId());
        });
    }

    /** How a box is drawn on the evidence viewer (the window connects its viewer here). */
    public void setBoxDrawer(Consumer<Consumer<DrawnBox>> drawer) {
        boxDrawer = drawer;
    }

    /** How an item is shown at a frame (the window connects its viewer here). */
    public void setFrameShower(BiConsumer<EvidenceItem, Optional<Long>> shower) {
        frameShower = shower;
    }

    public void drawBox(Consumer<DrawnBox> receiver) {
        boxDrawer.accept(receiver);
    }

    /** A small picture of what the observation's box holds, decoded in the background and kept. */
    void thumbnail(InsigniaObservation observation, Consumer<Image> show) {
        Image known = thumbnails.get(observation.id());
        if (known != null) {
            show.accept(known);
            return;
        }
        Optional<EvidenceItem> item = loader.item(observation.evidenceId());
        Optional<Investigation> inv = loader.session().investigation();
        if (item.isEmpty() || inv.isEmpty()) {
            return;
        }
        java.nio.file.Path original = inv.get().evidence().originalPath(item.get());
        loader.background().run(I18n.t("task.thumbnail"), p -> EvidenceStills.crop(EvidenceStills.load(item.get(),
                original, observation.frameNumber().orElse(0L)), observation.box(), 64), image -> {
                    Image fx = javafx.embed.swing.SwingFXUtils.toFXImage(image, null);
                    thumbnails.put(observation.id(), fx);
                    show.accept(fx);
                }, error -> { }); // no thumbnail for media that cannot be decoded; the row still says what it is
    }

    /** Shows the observation's item, at its frame, with its box drawn. */
    public void showObservation(InsigniaObservation observation) {
        loader.item(observation.evidenceId()).ifPresent(item -> frameShower.accept(item, observation.frameNumber()));
    }

    public ObservableList<InsigniaObservation> observations() { return loader.observations(); }
}
