package org.groundtruth.ui.evidence;

import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.groundtruth.ui.common.Icon;

/**
 * The photo viewer: zoom (wheel, buttons) and pan (drag), quarter-turn rotation and flips, brightness/contrast
 * as an effect and sharpening as a computed copy — all for viewing only — and a round magnifier loupe (2–20×)
 * that follows the pointer and shows the picture exactly as displayed, adjustments included.
 */
final class PhotoView extends VBox {
    private static final double LOUPE_RADIUS = 95;

    private final PhotoViewModel vm;
    private final Pane viewport = new Pane();
    private final ImageView picture = new ImageView();
    private final ImageView loupePicture = new ImageView();
    private final Group loupe = new Group();
    private final Circle loupeRing = new Circle(LOUPE_RADIUS);
    private final Affine display = new Affine();
    private final Affine loupeDisplay = new Affine();
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private Point2D pointer;
    private final BoxOverlay boxes;

    BoxOverlay boxes() {
        return boxes;
    }

    PhotoView(PhotoViewModel vm) {
        this.vm = vm;
        getStyleClass().add("photo-viewer");

        ColorAdjust adjust = new ColorAdjust();
        adjust.brightnessProperty().bind(vm.brightnessProperty());
        adjust.contrastProperty().bind(vm.contrastProperty());
        picture.setEffect(adjust);
        loupePicture.setEffect(adjust);
        picture.getTransforms().add(display);
        loupePicture.getTransforms().add(loupeDisplay);
        picture.setSmooth(true);
        picture.setId("photo-image");
        loupePicture.setSmooth(false); // a loupe should show pixels, not blur them

        loupe.getChildren().add(loupePicture);
        loupe.setMouseTransparent(true);
        loupeRing.getStyleClass().add("magnifier-ring");
        loupeRing.setMouseTransparent(true);
        loupe.setVisible(false);
        loupeRing.setVisible(false);

        viewport.getChildren().addAll(picture, loupe, loupeRing);
        viewport.getStyleClass().add("evidence-viewer");
        viewport.setId("photo-viewport");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(viewport.widthProperty());
        clip.heightProperty().bind(viewport.heightProperty());
        viewport.setClip(clip);
        viewport.setMinSize(100, 100);

        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.setMaxSize(48, 48);
        Label placeholder = new Label();
        placeholder.getStyleClass().add("evidence-placeholder");
        placeholder.textProperty().bind(vm.messageProperty());
        boxes = new BoxOverlay(picture);
        StackPane stack = new StackPane(viewport, boxes, loading, placeholder);
        VBox.setVgrow(stack, Priority.ALWAYS);

        vm.displayImageProperty().addListener((o, was, now) -> {
            if (now == null) {
                showImage(null, true);
                return;
            }
            boolean newPicture = was == null || was.getWidth() != now.getWidth();
            // a 12-megapixel conversion takes tens of milliseconds: not on the FX thread
            java.util.concurrent.CompletableFuture.supplyAsync(() -> FrameImages.toImage(now))
                    .thenAccept(image -> javafx.application.Platform.runLater(() -> {
                        if (vm.displayImageProperty().get() == now) {
                            showImage(image, newPicture);
                        }
                    }));
        });
        for (var p : new javafx.beans.Observable[] {viewport.widthProperty(), viewport.heightProperty(),
                vm.zoomProperty(), vm.fitToViewProperty(), vm.quarterTurnsProperty(), vm.flipHorizontalProperty(),
                vm.flipVerticalProperty(), vm.magnifierPowerProperty(), vm.magnifierProperty()}) {
            p.addListener(o -> relayout());
        }
        vm.fitToViewProperty().addListener((o, was, now) -> {
            if (now) {
                panX = 0;
                panY = 0;
                relayout();
            }
        });
        installMouse();
        getChildren().addAll(tools(), adjustments(), stack, notes());
    }

    private void showImage(Image image, boolean recentre) {
        picture.setImage(image);
        loupePicture.setImage(image);
        if (recentre) {
            panX = 0;
            panY = 0;
        }
        relayout();
    }

    private void installMouse() {
        viewport.setOnScroll(e -> {
            if (e.isShiftDown() && vm.magnifierProperty().get()) {
                double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
                vm.changeMagnifierPower(delta > 0 ? 1 : -1);
            } else if (e.getDeltaY() != 0) {
                zoomAround(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1.2 : 1 / 1.2);
            }
            e.consume();
        });
        viewport.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            viewport.requestFocus();
        });
        viewport.setOnMouseDragged(e -> {
            panX += e.getX() - dragX;
            panY += e.getY() - dragY;
            dragX = e.getX();
            dragY = e.getY();
            pointer = new Point2D(e.getX(), e.getY());
            relayout();
        });
        viewport.setOnMouseMoved(e -> {
            pointer = new Point2D(e.getX(), e.getY());
            relayoutLoupe();
        });
        viewport.setOnMouseExited(e -> {
            pointer = null;
            relayoutLoupe();
        });
        viewport.cursorProperty().bind(Bindings.when(vm.magnifierProperty()).then(Cursor.CROSSHAIR).otherwise(Cursor.OPEN_HAND));
    }

    /** Zooms by {@code factor} keeping the picture point under (x, y) where it is. */
    private void zoomAround(double x, double y, double factor) {
        if (picture.getImage() == null) {
            return;
        }
        double current = currentScale();
        double target = Math.max(PhotoViewModel.MIN_ZOOM, Math.min(PhotoViewModel.MAX_ZOOM, current * factor));
        double ratio = target / current;
        double cx = viewport.getWidth() / 2 + panX;
        double cy = viewport.getHeight() / 2 + panY;
        // the picture's centre moves away from the pointer in proportion to the zoom
        panX += (cx - x) * (ratio - 1);
        panY += (cy - y) * (ratio - 1);
        vm.fitToViewProperty().set(false);
        vm.zoomProperty().set(target);
        relayout();
    }

    private double currentScale() {
        Image image = picture.getImage();
        if (image == null) {
            return 1;
        }
        if (!vm.fitToViewProperty().get()) {
            return vm.zoomProperty().get();
        }
        boolean sideways = vm.quarterTurnsProperty().get() % 2 == 1;
        double w = sideways ? image.getHeight() : image.getWidth();
        double h = sideways ? image.getWidth() : image.getHeight();
        double fit = Math.min(Math.max(1, viewport.getWidth()) / w, Math.max(1, viewport.getHeight()) / h);
        return Math.max(PhotoViewModel.MIN_ZOOM, Math.min(PhotoViewModel.MAX_ZOOM, fit));
    }

    /** Display transform: centre of the viewport (+ pan), scale, rotation and flips about the picture's centre. */
    private void relayout() {
        Image image = picture.getImage();
        if (image == null) {
            relayoutLoupe();
            return;
        }
        double scale = currentScale();
        Affine a = new Affine();
        a.append(new Translate(viewport.getWidth() / 2 + panX, viewport.getHeight() / 2 + panY));
        a.append(new Scale(scale, scale));
        a.append(new Rotate(90 * vm.quarterTurnsProperty().get()));
        a.append(new Scale(vm.flipHorizontalProperty().get() ? -1 : 1, vm.flipVerticalProperty().get() ? -1 : 1));
        a.append(new Translate(-image.getWidth() / 2, -image.getHeight() / 2));
        display.setToTransform(a);
        relayoutLoupe();
    }

    private void relayoutLoupe() {
        boolean show = vm.magnifierProperty().get() && pointer != null && picture.getImage() != null;
        loupe.setVisible(show);
        loupeRing.setVisible(show);
        if (!show) {
            return;
        }
        double power = vm.magnifierPowerProperty().get();
        Affine a = new Affine(new Scale(power, power, pointer.getX(), pointer.getY()));
        a.append(display);
        loupeDisplay.setToTransform(a);
        loupe.setClip(new Circle(pointer.getX(), pointer.getY(), LOUPE_RADIUS));
        loupeRing.setCenterX(pointer.getX());
        loupeRing.setCenterY(pointer.getY());
    }

    /** The tools wrap to a second line in a narrow viewer (1366×768) rather than running off its edge. */
    private javafx.scene.layout.FlowPane tools() {
        Button fit = Buttons.icon(Icon.FIT, EvidenceText.t("photo.fit"), () -> {
            panX = 0;
            panY = 0;
            vm.fit();
            relayout();
        });
        Button actual = new Button(EvidenceText.t("photo.actual"));
        actual.setOnAction(e -> vm.actualSize());
        actual.setFocusTraversable(false);
        Button in = Buttons.icon(Icon.ZOOM_IN, EvidenceText.t("photo.zoomIn"),
                () -> zoomAround(viewport.getWidth() / 2, viewport.getHeight() / 2, 1.25));
        Button out = Buttons.icon(Icon.ZOOM_OUT, EvidenceText.t("photo.zoomOut"),
                () -> zoomAround(viewport.getWidth() / 2, viewport.getHeight() / 2, 1 / 1.25));
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.setMinWidth(48);
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> EvidenceText.t("photo.zoomLabel", Math.round(currentScale() * 100)),
                vm.zoomProperty(), vm.fitToViewProperty(), viewport.widthProperty(), viewport.heightProperty(),
                picture.imageProperty(), vm.quarterTurnsProperty()));
        Button left = Buttons.icon(Icon.ROTATE_LEFT, EvidenceText.t("photo.rotateLeft"), vm::rotateLeft);
        left.setId("rotate-left");
        Button right = Buttons.icon(Icon.ROTATE_RIGHT, EvidenceText.t("photo.rotateRight"), vm::rotateRight);
        right.setId("rotate-right");
        ToggleButton flipH = Buttons.toggle(Icon.FLIP_HORIZONTAL, EvidenceText.t("photo.flipH"));
        flipH.selectedProperty().bindBidirectional(vm.flipHorizontalProperty());
        ToggleButton flipV = Buttons.toggle(Icon.FLIP_VERTICAL, EvidenceText.t("photo.flipV"));
        flipV.selectedProperty().bindBidirectional(vm.flipVerticalProperty());
        ToggleButton magnifier = Buttons.toggle(Icon.MAGNIFIER, EvidenceText.t("photo.magnifierTip"));
        magnifier.setId("magnifier");
        magnifier.setText(EvidenceText.t("photo.magnifier"));
        magnifier.selectedProperty().bindBidirectional(vm.magnifierProperty());
        Slider power = new Slider(PhotoViewModel.MIN_MAGNIFIER, PhotoViewModel.MAX_MAGNIFIER, 4);
        power.setId("magnifier-power");
        power.setMajorTickUnit(1);
        power.setSnapToTicks(true);
        power.setPrefWidth(110);
        power.valueProperty().bindBidirectional(vm.magnifierPowerProperty());
        power.disableProperty().bind(vm.magnifierProperty().not());
        power.setFocusTraversable(false);
        Label powerLabel = new Label();
        powerLabel.setMinWidth(32);
        powerLabel.textProperty().bind(Bindings.format("%.0f×", vm.magnifierPowerProperty()));
        Button reset = Buttons.icon(Icon.RESET_VIEW, EvidenceText.t("photo.reset"), () -> {
            panX = 0;
            panY = 0;
            vm.resetView();
            relayout();
        });
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 4, fit, actual, out, in, zoom, sep(),
                left, right, flipH, flipV, sep(), magnifier, power, powerLabel, sep(), reset);
        row.getStyleClass().add("photo-tools");
        row.disableProperty().bind(vm.displayImageProperty().isNull());
        return row;
    }

    private javafx.scene.layout.FlowPane adjustments() {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(18, 4, labelled("photo.brightness", slider(vm.brightnessProperty(), -1, 1, "brightness")),
                labelled("photo.contrast", slider(vm.contrastProperty(), -1, 1, "contrast")),
                labelled("photo.sharpen", slider(vm.sharpenProperty(), 0, 2, "sharpen")));
        row.getStyleClass().add("photo-tools");
        row.disableProperty().bind(vm.displayImageProperty().isNull());
        return row;
    }

    private HBox notes() {
        Label viewOnly = new Label(EvidenceText.t("photo.viewOnly"));
        viewOnly.getStyleClass().add("muted-note");
        Label size = new Label();
        size.getStyleClass().add("muted-note");
        size.textProperty().bind(vm.sizeNoteProperty());
        HBox row = new HBox(12, viewOnly, size);
        row.setStyle("-fx-padding: 2 8 2 8;");
        return row;
    }

    private static Slider slider(javafx.beans.property.DoubleProperty property, double min, double max, String id) {
        Slider slider = new Slider(min, max, property.get());
        slider.setId(id);
        slider.setPrefWidth(130);
        slider.setFocusTraversable(false);
        // sharpening is computed, so apply it when the drag ends rather than at every pixel of movement
        if (id.equals("sharpen")) {
            slider.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) {
                    property.set(slider.getValue());
                }
            });
            slider.valueProperty().addListener((o, was, now) -> {
                if (!slider.isValueChanging()) {
                    property.set(now.doubleValue());
                }
            });
            property.addListener((o, was, now) -> slider.setValue(now.doubleValue()));
        } else {
            slider.valueProperty().bindBidirectional(property);
        }
        return slider;
    }

    private static HBox labelled(String key, Slider slider) {
        Label label = new Label(EvidenceText.t(key));
        HBox box = new HBox(6, label, slider);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Region sep() {
        Region gap = new Region();
        gap.setMinWidth(8);
        return gap;
    }

    /** For keyboard zoom from the pane. */
    void zoomStep(boolean in) {
        zoomAround(viewport.getWidth() / 2, viewport.getHeight() / 2, in ? 1.25 : 1 / 1.25);
    }
}
