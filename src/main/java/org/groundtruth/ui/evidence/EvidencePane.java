package org.groundtruth.ui.evidence;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Icon;

/**
 * The evidence panel: a video player (frame-exact stepping, keyframes) or a photo viewer (zoom, magnifier,
 * adjustments) above the item's metadata and the investigation's possible duplicates.
 * <p>Wiring: {@code EvidencePane pane = EvidencePane.create(access, runner);} add it as a work area, call
 * {@link #show(EvidenceItem)} when an item is selected and {@link #clear()} when nothing is, and give
 * {@link #setOnSuggestPin} the map's "suggest a pin" action.
 * <p>Keys (when the panel has focus and no text field does): Space play/pause, ←/→ one frame, J/K/L shuttle
 * back/stop/forward, Home/End first/last frame; for photos + and − zoom, 0 fit, M magnifier.
 */
public final class EvidencePane extends BorderPane {
    private final EvidenceViewModel vm;
    private final VideoPlayerView videoView;
    private final PhotoView photoView;
    private List<InsigniaObservation> observations = List.of();
    private Optional<Consumer<FrameToLocate>> findOnMap = Optional.empty();
    private final javafx.scene.control.Button findButton = new javafx.scene.control.Button();
    private final SplitPane split;
    private final TabPane lower;
    private boolean mapBelow;

    public EvidencePane(EvidenceViewModel vm) {
        this.vm = vm;
        getStyleClass().add("evidence-pane");
        setId("evidence-pane");
        EvidenceStyles.apply(this);
        videoView = new VideoPlayerView(vm.video());
        photoView = new PhotoView(vm.photo());

        Label title = new Label();
        title.setId("evidence-title");
        title.getStyleClass().add("evidence-title");
        title.setMaxWidth(Double.MAX_VALUE);
        title.setWrapText(true); // a long file name takes a second line rather than the viewer's width
        title.textProperty().bind(vm.titleProperty());
        title.visibleProperty().bind(vm.titleProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());

        Label placeholder = new Label();
        placeholder.setId("evidence-placeholder");
        placeholder.getStyleClass().add("evidence-placeholder");
        placeholder.textProperty().bind(vm.messageProperty());
        StackPane empty = new StackPane(placeholder);
        empty.getStyleClass().add("evidence-viewer");

        TelemetryView telemetryView = new TelemetryView();
        vm.metadata().telemetryProperty().addListener((o, was, now) -> telemetryView.show(Optional.ofNullable(now)));
        telemetryView.visibleProperty().bind(vm.modeProperty().isEqualTo(EvidenceViewModel.Mode.TELEMETRY));
        StackPane viewer = new StackPane(empty, videoView, photoView, telemetryView);
        viewer.setMinHeight(200);
        videoView.visibleProperty().bind(vm.modeProperty().isEqualTo(EvidenceViewModel.Mode.VIDEO));
        photoView.visibleProperty().bind(vm.modeProperty().isEqualTo(EvidenceViewModel.Mode.PHOTO));
        empty.visibleProperty().bind(videoView.visibleProperty().not().and(photoView.visibleProperty().not())
                .and(telemetryView.visibleProperty().not()));

        lower = new TabPane(new Tab(EvidenceText.t("tab.metadata"), new MetadataView(vm.metadata())),
                new Tab(EvidenceText.t("tab.duplicates"), new DuplicatesView(vm.duplicates(), vm::show)),
                new Tab(EvidenceText.t("tab.scan"), scrolling(new ScanView(vm.scan(), n -> vm.video().seek(n),
                        this::drawTemplateBox))));
        lower.getTabs().get(0).setGraphic(Icon.METADATA.graphic());
        lower.getTabs().get(1).setGraphic(Icon.DUPLICATES.graphic());
        lower.getTabs().get(2).setGraphic(Icon.INSIGNIA.graphic());
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lower.setId("evidence-tabs");
        lower.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (now.intValue() == 1 && vm.duplicates().rows().isEmpty()) {
                vm.duplicates().refresh();
            }
            if (now.intValue() == 2 && vm.scan().templates().isEmpty()) {
                vm.scan().loadTemplates();
            }
        });

        // frames where the scan found candidates, marked under the video
        javafx.scene.layout.VBox viewerAndMarks = new javafx.scene.layout.VBox(viewer,
                new ScanTimeline(vm.scan(), n -> vm.video().seek(n)));
        javafx.scene.layout.VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        split = new SplitPane(viewerAndMarks, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        vm.modeProperty().addListener((o, was, now) -> placeDivider());
        findButton.setText(EvidenceText.t("findOnMap"));
        findButton.setGraphic(Icon.MAP.graphic());
        findButton.setId("find-on-map");
        findButton.setTooltip(new javafx.scene.control.Tooltip(EvidenceText.t("findOnMapTip")));
        findButton.setFocusTraversable(false);
        findButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        findButton.setVisible(false);
        findButton.managedProperty().bind(findButton.visibleProperty());
        findButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !hasImage(), vm.modeProperty(), vm.photo().imageProperty(), vm.video().frameProperty()));
        vm.modeProperty().addListener((o, was, now) -> findButton.setVisible(findOnMap.isPresent()
                && (now == EvidenceViewModel.Mode.VIDEO || now == EvidenceViewModel.Mode.PHOTO)));
        findButton.setOnAction(e -> requestFindOnMap());
        HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        // The button leads: on a narrow column the viewer scrolls sideways and a trailing button would be out of sight.
        HBox top = new HBox(8, findButton, title);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(top);
        setCenter(split);

        vm.itemProperty().addListener((o, was, now) -> refreshBoxes());
        vm.modeProperty().addListener((o, was, now) -> refreshBoxes());
        vm.video().frameNumberProperty().addListener((o, was, now) -> refreshBoxes());
        vm.scan().candidates().addListener((javafx.collections.ListChangeListener<Object>) c -> refreshBoxes());

        setFocusTraversable(true);
        viewer.setOnMouseClicked(e -> requestFocus());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /**
     * The map sits below the panel (a video or photo with a flight track): the metadata tabs fold away under the
     * viewer, so on a 768-px screen the picture keeps its room; dragging the divider up brings them back.
     */
    public void setMapBelow(boolean below) {
        mapBelow = below;
        lower.setMinHeight(below ? 0 : USE_COMPUTED_SIZE);
        placeDivider();
    }

    private void placeDivider() {
        EvidenceViewModel.Mode mode = vm.modeProperty().get();
        // telemetry and documents have nothing to preview: give their metadata the room
        double position = mode == EvidenceViewModel.Mode.METADATA_ONLY ? 0.2
                : mode == EvidenceViewModel.Mode.TELEMETRY ? 0.5 : mapBelow ? 1.0 : 0.64;
        split.setDividerPositions(position);
    }

    /** The panel for the window's open investigation (follows {@code session}'s investigation as it changes). */
    public static EvidencePane create(EvidenceAccess access, Background background) {
        return new EvidencePane(new EvidenceViewModel(access, background, Platform::runLater));
    }

    /** Shows an item of the open investigation. */
    public void show(EvidenceItem item) {
        vm.show(item);
    }

    /** Shows an item whose original is at {@code original}. */
    public void show(EvidenceItem item, Path original) {
        vm.show(item, original);
    }

    public void clear() {
        vm.clear();
    }

    /** A box the analyst drew on the shown photo or video frame. */
    public record DrawnBox(EvidenceItem item, Optional<Long> frameNumber, NormalizedBox box) {
    }

    /**
     * Lets the analyst drag a box on what is shown; {@code receiver} gets it with the item and, for a video, the
     * frame. False when nothing drawable is shown.
     */
    public boolean drawBox(Consumer<DrawnBox> receiver) {
        EvidenceItem item = vm.itemProperty().get();
        BoxOverlay overlay = currentOverlay().orElse(null);
        if (item == null || overlay == null) {
            return false;
        }
        if (vm.modeProperty().get() == EvidenceViewModel.Mode.VIDEO) {
            vm.video().pause();
        }
        overlay.draw(box -> receiver.accept(new DrawnBox(item, currentFrame(), box)));
        return true;
    }

    /**
     * Lets the analyst drag a box for a new emblem template: {@code receiver} gets it with the decoded picture it
     * was drawn on (the photo as decoded, or the paused video frame at its full size). False when nothing is shown.
     */
    private boolean drawTemplateBox(Consumer<ScanViewModel.DrawnTemplate> receiver) {
        return drawBox(d -> {
            switch (vm.modeProperty().get()) {
                case VIDEO -> Optional.ofNullable(vm.video().frameProperty().get()).ifPresent(frame -> receiver.accept(
                        new ScanViewModel.DrawnTemplate(d.item().id(), Optional.of(frame.frameNumber()), d.box(),
                                frame::toBufferedImage)));
                case PHOTO -> vm.photo().image().ifPresent(image -> receiver.accept(
                        new ScanViewModel.DrawnTemplate(d.item().id(), Optional.empty(), d.box(), () -> image)));
                default -> { }
            }
        });
    }

    /** The insignia recorded for the incident; those of the shown item (and frame) are drawn over it. */
    public void showObservations(List<InsigniaObservation> recorded) {
        observations = List.copyOf(recorded);
        refreshBoxes();
    }

    /** Shows {@code item} and, for a video, goes to {@code frame} once it is open. */
    public void showAt(EvidenceItem item, Optional<Long> frame) {
        vm.show(item);
        frame.ifPresent(n -> {
            if (vm.video().infoProperty().get() != null) {
                vm.video().seek(n);
                return;
            }
            javafx.beans.value.ChangeListener<Object> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
                    if (now != null) {
                        vm.video().infoProperty().removeListener(this);
                        vm.video().seek(n);
                    }
                }
            };
            vm.video().infoProperty().addListener(once);
        });
    }

    /** The video frame on screen, if a video is shown (kept with the window's layout). */
    public Optional<Long> frameOnScreen() {
        return currentFrame();
    }

    private Optional<Long> currentFrame() {
        long n = vm.video().frameNumberProperty().get();
        return vm.modeProperty().get() == EvidenceViewModel.Mode.VIDEO && n >= 0 ? Optional.of(n) : Optional.empty();
    }

    private Optional<BoxOverlay> currentOverlay() {
        return switch (vm.modeProperty().get()) {
            case VIDEO -> Optional.of(videoView.boxes());
            case PHOTO -> Optional.of(photoView.boxes());
            default -> Optional.empty();
        };
    }

    private void refreshBoxes() {
        EvidenceItem item = vm.itemProperty().get();
        Optional<Long> frame = currentFrame();
        List<BoxOverlay.LabeledBox> shown = item == null ? new java.util.ArrayList<>() : observations.stream()
                .filter(o -> o.evidenceId().equals(item.id()))
                .filter(o -> o.frameNumber().isEmpty() || o.frameNumber().equals(frame))
                .map(o -> new BoxOverlay.LabeledBox(o.box(), org.groundtruth.ui.common.I18n.label(o.type())))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        // scan candidates at their best frame (or on the photo), for the analyst to judge before accepting
        vm.scan().candidates().stream()
                .filter(c -> c.frame().isEmpty() || c.frame().equals(frame))
                .map(c -> new BoxOverlay.LabeledBox(c.box(), "? " + ScanView.describe(c)))
                .forEach(shown::add);
        videoView.boxes().show(vm.modeProperty().get() == EvidenceViewModel.Mode.VIDEO ? shown : List.of());
        photoView.boxes().show(vm.modeProperty().get() == EvidenceViewModel.Mode.PHOTO ? shown : List.of());
    }

    /** The photo or the video frame shown, with the item and frame number, for "Find on map…". */
    public record FrameToLocate(EvidenceItem item, long frameNumber, java.awt.image.BufferedImage image) {
    }

    /** What "Find on map…" does with the shown photo or frame; the button shows once this is set. */
    public void setOnFindOnMap(Consumer<FrameToLocate> handler) {
        findOnMap = Optional.of(handler);
        EvidenceViewModel.Mode mode = vm.modeProperty().get();
        findButton.setVisible(mode == EvidenceViewModel.Mode.VIDEO || mode == EvidenceViewModel.Mode.PHOTO);
    }

    /** Hands the shown photo or (paused) video frame to the "Find on map…" handler; false when nothing is shown. */
    public boolean requestFindOnMap() {
        EvidenceItem item = vm.itemProperty().get();
        Optional<java.awt.image.BufferedImage> image = currentImage();
        if (item == null || image.isEmpty() || findOnMap.isEmpty()) {
            return false;
        }
        if (vm.modeProperty().get() == EvidenceViewModel.Mode.VIDEO) {
            vm.video().pause();
        }
        findOnMap.get().accept(new FrameToLocate(item, currentFrame().orElse(0L), image.get()));
        return true;
    }

    private boolean hasImage() {
        return switch (vm.modeProperty().get()) {
            case PHOTO -> vm.photo().imageProperty().get() != null;
            case VIDEO -> vm.video().frameProperty().get() != null;
            default -> false;
        };
    }

    private Optional<java.awt.image.BufferedImage> currentImage() {
        return switch (vm.modeProperty().get()) {
            case PHOTO -> vm.photo().image();
            case VIDEO -> Optional.ofNullable(vm.video().frameProperty().get()).map(org.groundtruth.media.VideoFrame::toBufferedImage);
            default -> Optional.empty();
        };
    }

    /** What "Suggest pin" does with a GPS position (the map draws it); without it, coordinates are copied. */
    public void setOnSuggestPin(Consumer<GpsFix> handler) {
        vm.metadata().setPinHandler(handler);
    }

    public EvidenceViewModel viewModel() {
        return vm;
    }

    /** Releases the decoder thread (window closing). */
    public void dispose() {
        vm.close();
    }

    private void onKey(KeyEvent e) {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl) {
            return;
        }
        boolean handled = switch (vm.modeProperty().get()) {
            case VIDEO -> videoKey(e);
            case PHOTO -> photoKey(e);
            default -> false;
        };
        if (handled) {
            e.consume();
        }
    }

    private boolean videoKey(KeyEvent e) {
        VideoPlayerViewModel video = vm.video();
        switch (e.getCode()) {
            case SPACE -> video.togglePlay();
            case LEFT -> video.stepBack();
            case RIGHT -> video.stepForward();
            case J -> video.shuttleBackward();
            case K -> video.shuttleStop();
            case L -> video.shuttleForward();
            case HOME -> video.seek(0);
            case END -> video.seek(Long.MAX_VALUE / 2);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean photoKey(KeyEvent e) {
        PhotoViewModel photo = vm.photo();
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> photoView.zoomStep(true);
            case MINUS, SUBTRACT -> photoView.zoomStep(false);
            case DIGIT0, NUMPAD0 -> photo.fit();
            case M -> photo.magnifierProperty().set(!photo.magnifierProperty().get());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The scan's rows scroll when the lower pane is short (1366x768) rather than being cut at its bottom. */
    private static javafx.scene.control.ScrollPane scrolling(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }
}
