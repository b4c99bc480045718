package org.groundtruth.ui.evidence;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.groundtruth.media.Keyframe;
import org.groundtruth.media.Timecode;
import org.groundtruth.media.VideoInfo;
import org.groundtruth.ui.common.Icon;

/**
 * The video player: the frame, with its number and timecode always on it; play/pause, frame steps, speed, jump
 * field, scrubber; the keyframe strip; "save frame as evidence". Keys are handled by {@link EvidencePane}.
 */
final class VideoPlayerView extends VBox {
    private final VideoPlayerViewModel vm;
    private final ImageView picture = new ImageView();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final HBox strip = new HBox();
    private WritableImage reusable;
    private boolean scrubberFromModel;
    private final BoxOverlay boxes;

    BoxOverlay boxes() {
        return boxes;
    }

    VideoPlayerView(VideoPlayerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("video-player");

        StackPane screen = new StackPane(picture);
        screen.getStyleClass().add("evidence-viewer");
        screen.setMinSize(160, 90);
        picture.setId("video-picture");
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.fitWidthProperty().bind(screen.widthProperty());
        picture.fitHeightProperty().bind(screen.heightProperty());
        Label overlay = new Label();
        overlay.setId("frame-overlay");
        overlay.getStyleClass().add("frame-overlay");
        overlay.textProperty().bind(Bindings.createStringBinding(
                () -> vm.frameNumberProperty().get() < 0 ? "" : vm.frameLabelProperty().get() + "   " + vm.timecodeProperty().get(),
                vm.frameLabelProperty(), vm.timecodeProperty(), vm.frameNumberProperty()));
        overlay.visibleProperty().bind(vm.frameNumberProperty().greaterThanOrEqualTo(0));
        StackPane.setAlignment(overlay, Pos.TOP_LEFT);
        StackPane.setMargin(overlay, new javafx.geometry.Insets(8));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("evidence-placeholder");
        placeholder.textProperty().bind(vm.messageProperty());
        placeholder.visibleProperty().bind(vm.frameProperty().isNull());
        boxes = new BoxOverlay(picture);
        screen.getChildren().addAll(boxes, overlay, placeholder);
        VBox.setVgrow(screen, Priority.ALWAYS);

        vm.frameProperty().addListener((o, was, now) -> {
            if (now == null) {
                picture.setImage(null);
            } else {
                reusable = FrameImages.toImage(now, reusable);
                picture.setImage(reusable);
            }
        });

        getChildren().addAll(screen, scrubberRow(), controls(), keyframeStrip());
    }

    private HBox scrubberRow() {
        scrubber.setId("scrubber");
        scrubber.setFocusTraversable(false);
        scrubber.disableProperty().bind(vm.infoProperty().isNull());
        vm.infoProperty().addListener((o, was, now) -> {
            scrubberFromModel = true;
            scrubber.setMax(now == null ? 1 : Math.max(1, now.lastFrame()));
            scrubber.setValue(0);
            scrubberFromModel = false;
        });
        vm.frameNumberProperty().addListener((o, was, now) -> {
            if (!scrubber.isValueChanging()) {
                scrubberFromModel = true;
                scrubber.setValue(Math.max(0, now.longValue()));
                scrubberFromModel = false;
            }
            highlightKeyframe(now.longValue());
        });
        scrubber.valueProperty().addListener((o, was, now) -> {
            if (!scrubberFromModel) {
                vm.seek(Math.round(now.doubleValue()));
            }
        });
        Label end = new Label();
        end.getStyleClass().add("muted-note");
        end.textProperty().bind(Bindings.createStringBinding(() -> {
            VideoInfo info = vm.infoProperty().get();
            // the last frame's own time, so the scrubber's end reads like every other frame time
            return info == null ? "" : Timecode.format(info.lastFrame() / info.frameRate());
        }, vm.infoProperty()));
        HBox row = new HBox(8, scrubber, end);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setStyle("-fx-padding: 4 8 0 8;");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        return row;
    }

    /** The controls wrap to a second line in a narrow viewer (1366×768) rather than running off its edge. */
    private javafx.scene.layout.FlowPane controls() {
        Button back = Buttons.icon(Icon.STEP_BACK, EvidenceText.t("video.stepBack"), vm::stepBack);
        back.setId("step-back");
        Button play = Buttons.icon(Icon.PLAY, EvidenceText.t("video.playTip"), vm::togglePlay);
        play.setId("play-pause");
        play.graphicProperty().bind(Bindings.createObjectBinding(() ->
                (vm.playingProperty().get() ? Icon.PAUSE : Icon.PLAY).graphic(), vm.playingProperty()));
        Button forward = Buttons.icon(Icon.STEP_FORWARD, EvidenceText.t("video.stepForward"), vm::stepForward);
        forward.setId("step-forward");

        Label timecode = new Label();
        timecode.setId("timecode");
        timecode.getStyleClass().add("timecode");
        timecode.textProperty().bind(vm.timecodeProperty());
        Label frameLabel = new Label();
        frameLabel.setId("frame-label");
        frameLabel.textProperty().bind(vm.frameLabelProperty());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().setAll(VideoPlayerViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : (value == Math.rint(value) ? String.format("%.0f×", value) : value + "×");
            }

            @Override
            public Double fromString(String text) {
                return Double.parseDouble(text.replace("×", ""));
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.speedProperty().set(now);
            }
        });
        vm.speedProperty().addListener((o, was, now) -> speed.setValue(now.doubleValue()));
        speed.setTooltip(new Tooltip(EvidenceText.t("video.speed")));
        speed.setFocusTraversable(false);

        TextField jump = new TextField();
        jump.setId("jump");
        jump.setPromptText(EvidenceText.t("video.jumpPrompt"));
        jump.setTooltip(new Tooltip(EvidenceText.t("video.jumpTip")));
        jump.setPrefColumnCount(12);
        org.groundtruth.ui.common.WholePrompt.keep(jump, 0); // "№ кадру або 00:00:00.000" was cut at 1366x768
        Button go = new Button(EvidenceText.t("video.jump"));
        go.setId("jump-go");
        Runnable doJump = () -> {
            if (vm.jumpTo(jump.getText())) {
                jump.clear();
                getParent().requestFocus();
            }
        };
        jump.setOnAction(e -> doJump.run());
        go.setOnAction(e -> doJump.run());

        Button save = new Button(EvidenceText.t("video.saveFrame"), Icon.SAVE_FRAME.graphic());
        save.setId("save-frame");
        save.setTooltip(new Tooltip(EvidenceText.t("video.saveFrameTip")));
        save.disableProperty().bind(vm.canSaveFrameProperty().not());
        save.setOnAction(e -> vm.saveCurrentFrame());
        save.setFocusTraversable(false);

        Region gap = new Region();
        gap.setMinWidth(8);
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 4, back, play, forward, timecode,
                frameLabel, speed, jump, go, gap, save);
        row.getStyleClass().add("player-controls");
        row.disableProperty().bind(vm.infoProperty().isNull());
        return row;
    }

    private VBox keyframeStrip() {
        strip.getStyleClass().add("keyframe-strip");
        strip.setId("keyframe-strip");
        ScrollPane scroll = new ScrollPane(strip);
        scroll.getStyleClass().add("keyframe-strip-scroll");
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        scroll.setPrefViewportHeight(76);
        scroll.setMinViewportHeight(76);
        vm.keyframes().addListener((javafx.collections.ListChangeListener<Keyframe>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && vm.keyframes().isEmpty()) {
                    strip.getChildren().clear();
                }
                for (Keyframe k : change.getAddedSubList()) {
                    strip.getChildren().add(tile(k));
                }
            }
        });
        Label status = new Label();
        status.setId("keyframe-status");
        status.getStyleClass().add("muted-note");
        status.textProperty().bind(Bindings.createStringBinding(
                () -> EvidenceText.t("video.keyframes") + ": " + vm.keyframeStatusProperty().get(), vm.keyframeStatusProperty()));
        Label message = new Label();
        message.getStyleClass().add("evidence-message");
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.frameProperty().isNotNull());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox statusRow = new HBox(8, status, spring, message);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.setStyle("-fx-padding: 2 8 2 8;");
        return new VBox(statusRow, scroll);
    }

    private VBox tile(Keyframe k) {
        ImageView thumb = new ImageView(FrameImages.toImage(k.thumbnail(), null));
        thumb.setFitHeight(48); // small enough to leave the picture its room on a 768-px screen
        thumb.setPreserveRatio(true);
        Label time = new Label(Timecode.format(k.timeSeconds()));
        VBox tile = new VBox(2, thumb, time);
        tile.getStyleClass().add("keyframe-tile");
        tile.setUserData(k.frameNumber());
        Tooltip.install(tile, new Tooltip(EvidenceText.t("video.keyframeTip", k.frameNumber(), k.score())));
        tile.setOnMouseClicked(e -> vm.seek(k.frameNumber()));
        return tile;
    }

    /** Marks the keyframe whose scene contains the shown frame. */
    private void highlightKeyframe(long frame) {
        javafx.scene.Node current = null;
        for (javafx.scene.Node tile : strip.getChildren()) {
            tile.getStyleClass().remove("current");
            if ((Long) tile.getUserData() <= frame) {
                current = tile;
            }
        }
        if (current != null) {
            current.getStyleClass().add("current");
        }
    }
}
