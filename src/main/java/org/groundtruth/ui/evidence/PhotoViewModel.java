package org.groundtruth.ui.evidence;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.media.ImageFilters;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;

/**
 * The photo viewer's state, without a toolkit: the decoded picture (bounded in size, bombs refused before
 * decoding), zoom, rotation in quarter turns, flips, brightness/contrast (−1..1, applied by the view as an effect)
 * and sharpening (0..2, computed on a copy in the background), and the magnifier (2–20×). Nothing here writes to
 * the original.
 */
public final class PhotoViewModel {
    /** Largest side decoded for viewing: phones' 12-megapixel pictures fit whole; larger ones are subsampled. */
    public static final int MAX_VIEW_SIDE = 4096;
    public static final double MIN_ZOOM = 0.02;
    public static final double MAX_ZOOM = 32;
    public static final double MIN_MAGNIFIER = 2;
    public static final double MAX_MAGNIFIER = 20;

    private final Background background;
    private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BufferedImage> displayImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final BooleanProperty fitToView = new SimpleBooleanProperty(true);
    private final IntegerProperty quarterTurns = new SimpleIntegerProperty(0);
    private final BooleanProperty flipHorizontal = new SimpleBooleanProperty(false);
    private final BooleanProperty flipVertical = new SimpleBooleanProperty(false);
    private final DoubleProperty brightness = new SimpleDoubleProperty(0);
    private final DoubleProperty contrast = new SimpleDoubleProperty(0);
    private final DoubleProperty sharpen = new SimpleDoubleProperty(0);
    private final BooleanProperty magnifier = new SimpleBooleanProperty(false);
    private final DoubleProperty magnifierPower = new SimpleDoubleProperty(4);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty sizeNote = new SimpleStringProperty("");
    private int generation;
    private int sharpenGeneration;

    public PhotoViewModel(Background background) {
        this.background = background;
        zoom.addListener((o, was, now) -> clamp(zoom, MIN_ZOOM, MAX_ZOOM));
        magnifierPower.addListener((o, was, now) -> clamp(magnifierPower, MIN_MAGNIFIER, MAX_MAGNIFIER));
        brightness.addListener((o, was, now) -> clamp(brightness, -1, 1));
        contrast.addListener((o, was, now) -> clamp(contrast, -1, 1));
        sharpen.addListener((o, was, now) -> {
            clamp(sharpen, 0, 2);
            resharpen();
        });
        quarterTurns.addListener((o, was, now) -> {
            int normalized = Math.floorMod(now.intValue(), 4);
            if (normalized != now.intValue()) {
                quarterTurns.set(normalized);
            }
        });
    }

    private static void clamp(DoubleProperty p, double min, double max) {
        double v = p.get();
        double c = Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : min;
        if (c != v) {
            p.set(c);
        }
    }

    /** Decodes {@code file} in the background; a picture that cannot be shown leaves a message naming it. */
    public void open(Path file) {
        int gen = ++generation;
        image.set(null);
        displayImage.set(null);
        sizeNote.set("");
        message.set("");
        resetView();
        loading.set(true);
        background.run(EvidenceText.t("task.decodePhoto", file.getFileName()),
                p -> new StillImageDecoder().decode(file, MAX_VIEW_SIDE),
                decoded -> {
                    if (gen != generation) {
                        return;
                    }
                    loading.set(false);
                    image.set(decoded.image());
                    displayImage.set(decoded.image());
                    if (decoded.reduced()) {
                        sizeNote.set(EvidenceText.t("photo.reduced", decoded.image().getWidth(),
                                decoded.image().getHeight(), decoded.declaredWidth(), decoded.declaredHeight()));
                    }
                    resharpen();
                },
                error -> {
                    if (gen == generation) {
                        loading.set(false);
                        message.set(EvidenceText.t("panel.cannotShow", file.getFileName(), Errors.message(error)));
                    }
                });
    }

    public void clear() {
        generation++;
        image.set(null);
        displayImage.set(null);
        loading.set(false);
        message.set("");
        sizeNote.set("");
    }

    private void resharpen() {
        BufferedImage source = image.get();
        int gen = ++sharpenGeneration;
        double amount = sharpen.get();
        if (source == null) {
            return;
        }
        if (amount == 0) {
            displayImage.set(source);
            return;
        }
        background.run(EvidenceText.t("photo.sharpen"), p -> ImageFilters.sharpen(source, amount),
                sharpened -> {
                    if (gen == sharpenGeneration && image.get() == source) {
                        displayImage.set(sharpened);
                    }
                },
                error -> message.set(Errors.message(error)));
    }

    public void rotateLeft() {
        quarterTurns.set(quarterTurns.get() + 3);
    }

    public void rotateRight() {
        quarterTurns.set(quarterTurns.get() + 1);
    }

    public void flipHorizontally() {
        flipHorizontal.set(!flipHorizontal.get());
    }

    public void flipVertically() {
        flipVertical.set(!flipVertical.get());
    }

    public void zoomIn() {
        fitToView.set(false);
        zoom.set(zoom.get() * 1.25);
    }

    public void zoomOut() {
        fitToView.set(false);
        zoom.set(zoom.get() / 1.25);
    }

    public void actualSize() {
        fitToView.set(false);
        zoom.set(1);
    }

    public void fit() {
        fitToView.set(true);
    }

    /** Changes the loupe's power by {@code steps} (positive = stronger), within 2–20×. */
    public void changeMagnifierPower(int steps) {
        magnifierPower.set(Math.round(magnifierPower.get() + steps));
    }

    /** Back to the picture as stored: no rotation, flip or adjustment, fitted. */
    public void resetView() {
        quarterTurns.set(0);
        flipHorizontal.set(false);
        flipVertical.set(false);
        brightness.set(0);
        contrast.set(0);
        sharpen.set(0);
        fitToView.set(true);
    }

    public Optional<BufferedImage> image() {
        return Optional.ofNullable(image.get());
    }

    public ReadOnlyObjectProperty<BufferedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> displayImageProperty() {
        return displayImage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public BooleanProperty fitToViewProperty() {
        return fitToView;
    }

    public IntegerProperty quarterTurnsProperty() {
        return quarterTurns;
    }

    public BooleanProperty flipHorizontalProperty() {
        return flipHorizontal;
    }

    public BooleanProperty flipVerticalProperty() {
        return flipVertical;
    }

    public DoubleProperty brightnessProperty() {
        return brightness;
    }

    public DoubleProperty contrastProperty() {
        return contrast;
    }

    public DoubleProperty sharpenProperty() {
        return sharpen;
    }

    public BooleanProperty magnifierProperty() {
        return magnifier;
    }

    public DoubleProperty magnifierPowerProperty() {
        return magnifierPower;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty sizeNoteProperty() {
        return sizeNote;
    }
}
