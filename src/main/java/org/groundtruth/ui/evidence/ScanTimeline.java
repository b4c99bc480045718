package org.groundtruth.ui.evidence;

import java.util.function.LongConsumer;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.groundtruth.core.insignia.ScanCandidate;

/**
 * A strip under the video marking the frames where the scan found candidates: each run of frames a bar, its best
 * frame a tick. Clicking a bar shows that frame. Hidden while there is nothing to mark.
 */
final class ScanTimeline extends Pane {
    private static final double HEIGHT = 14;
    private final Canvas canvas = new Canvas();
    private final ScanViewModel vm;

    ScanTimeline(ScanViewModel vm, LongConsumer showFrame) {
        this.vm = vm;
        setId("scan-timeline");
        setPrefHeight(HEIGHT);
        setMinHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.setHeight(HEIGHT);
        widthProperty().addListener((o, was, now) -> redraw());
        vm.candidates().addListener((ListChangeListener<ScanCandidate>) c -> redraw());
        vm.frameCountProperty().addListener((o, was, now) -> redraw());
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.candidates())
                .and(vm.frameCountProperty().greaterThan(0)));
        managedProperty().bind(visibleProperty());
        canvas.setOnMouseClicked(e -> {
            long total = vm.frameCountProperty().get();
            if (total <= 0 || getWidth() <= 0) {
                return;
            }
            long frame = Math.round(e.getX() / getWidth() * total);
            vm.candidates().stream()
                    .filter(c -> c.frame().isPresent())
                    .min(java.util.Comparator.comparingLong(c -> Math.abs(c.frame().get() - frame)))
                    .flatMap(ScanCandidate::frame)
                    .ifPresent(showFrame::accept);
        });
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        g.clearRect(0, 0, w, HEIGHT);
        long total = vm.frameCountProperty().get();
        if (total <= 0 || w <= 0) {
            return;
        }
        g.setFill(Color.rgb(120, 120, 120, 0.25));
        g.fillRect(0, 4, w, HEIGHT - 8);
        for (ScanCandidate c : vm.candidates()) {
            if (c.frame().isEmpty()) {
                continue;
            }
            double x0 = c.firstFrame().get() * w / total;
            double x1 = Math.max(x0 + 2, (c.lastFrame().get() + 1) * w / total);
            g.setFill(Color.rgb(228, 0, 27, 0.55));
            g.fillRect(x0, 2, x1 - x0, HEIGHT - 4);
            g.setFill(Color.rgb(228, 0, 27));
            g.fillRect(c.frame().get() * w / total - 1, 0, 2, HEIGHT);
        }
    }
}
