package org.groundtruth.ui.geolocate;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.groundtruth.ui.common.I18n;

/**
 * The frame being located, small, for marking an oblique frame's four ground points: each click marks a corner of a
 * rectangle on the ground (numbered, joined in order); "Clear points" starts over. The points go to the view model in
 * the frame's own pixels.
 */
final class GroundPointsPicker extends VBox {
    static final double WIDTH = 300;
    static final double MAX_HEIGHT = 200;
    private final FindOnMapViewModel vm;
    private final Canvas canvas = new Canvas(WIDTH, 10);
    private Image picture;
    private double scale = 1;

    GroundPointsPicker(FindOnMapViewModel vm) {
        this.vm = vm;
        setId("find-oblique");
        setSpacing(4);
        canvas.setId("find-ground-points");
        Label hint = new Label(I18n.t("findOnMap.oblique"));
        hint.setWrapText(true);
        Label count = new Label();
        count.setId("find-ground-count");
        count.setWrapText(true);
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.groundPoints().size() == 4
                ? I18n.t("findOnMap.oblique.ready") : I18n.t("findOnMap.oblique.count", vm.groundPoints().size()),
                vm.groundPoints()));
        Button clear = new Button(I18n.t("findOnMap.oblique.clear"));
        clear.setId("find-ground-clear");
        clear.disableProperty().bind(Bindings.isEmpty(vm.groundPoints()).or(vm.runningProperty()));
        clear.setOnAction(e -> vm.clearGroundPoints());
        VBox side = new VBox(6, hint, count, clear);
        HBox row = new HBox(10, canvas, side);
        javafx.scene.layout.HBox.setHgrow(side, javafx.scene.layout.Priority.ALWAYS);
        row.setAlignment(Pos.TOP_LEFT);
        getChildren().add(row);
        canvas.setOnMouseClicked(e -> {
            if (picture != null) {
                vm.addGroundPoint(e.getX() / scale, e.getY() / scale);
            }
        });
        vm.groundPoints().addListener((ListChangeListener<double[]>) c -> draw());
        vm.frameProperty().addListener((o, was, now) -> show(now));
        show(vm.frameProperty().get());
    }

    private void show(FindOnMapViewModel.FrameToLocate frame) {
        if (frame == null) {
            picture = null;
            canvas.setHeight(10);
            draw();
            return;
        }
        BufferedImage image = frame.image();
        scale = Math.min(WIDTH / image.getWidth(), MAX_HEIGHT / image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        // a small copy: converting the full frame for a 300-pixel preview would be wasted work on the toolkit thread
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        picture = SwingFXUtils.toFXImage(small, null);
        canvas.setWidth(w);
        canvas.setHeight(h);
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (picture == null) {
            return;
        }
        g.drawImage(picture, 0, 0);
        var points = vm.groundPoints();
        g.setStroke(Color.web("#ffd33d"));
        g.setLineWidth(2);
        for (int i = 0; i < points.size(); i++) {
            double[] a = points.get(i);
            if (i + 1 < points.size() || points.size() == 4) {
                double[] b = points.get((i + 1) % points.size());
                g.strokeLine(a[0] * scale, a[1] * scale, b[0] * scale, b[1] * scale);
            }
        }
        for (int i = 0; i < points.size(); i++) {
            double x = points.get(i)[0] * scale;
            double y = points.get(i)[1] * scale;
            g.setFill(Color.web("#cf222e"));
            g.fillOval(x - 5, y - 5, 10, 10);
            g.setFill(Color.WHITE);
            g.fillText(String.valueOf(i + 1), x + 6, y - 6);
        }
    }
}
