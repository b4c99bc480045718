package org.groundtruth.ui.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import org.groundtruth.core.evidence.TelemetryTrack;

/** A preview of a drone's flight from its telemetry: the track's shape, start and end, length and time span. */
final class TelemetryView extends StackPane {
    private final Canvas canvas = new Canvas();
    private final Label caption = new Label();
    private Optional<TelemetryTrack> track = Optional.empty();

    TelemetryView() {
        getStyleClass().add("evidence-viewer");
        setId("telemetry-view");
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        caption.getStyleClass().add("frame-overlay");
        caption.setId("telemetry-caption");
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        StackPane.setMargin(caption, new javafx.geometry.Insets(8));
        setMinHeight(120);
        getChildren().addAll(holder, caption);
    }

    void show(Optional<TelemetryTrack> telemetry) {
        track = telemetry;
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (track.isEmpty() || track.get().fixes().isEmpty() || w < 10 || h < 10) {
            caption.setText(EvidenceText.t("telemetry.noTrack"));
            return;
        }
        TrackShape shape = TrackShape.of(track.get(), w, h, 44); // room for the caption above
        List<double[]> p = shape.points();
        g.setStroke(Color.web("#f0b429"));
        g.setLineWidth(2.5);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.beginPath();
        g.moveTo(p.get(0)[0], p.get(0)[1]);
        for (double[] point : p) {
            g.lineTo(point[0], point[1]);
        }
        g.stroke();
        dot(g, p.get(0), Color.web("#2ea043"));
        dot(g, p.get(p.size() - 1), Color.web("#f85149"));
        caption.setText(EvidenceText.t("telemetry.caption", track.get().fixes().size(),
                String.format(Locale.ROOT, "%.0f", shape.lengthMetres()),
                String.format(Locale.ROOT, "%.0f", shape.durationSeconds()),
                String.format(Locale.ROOT, "%.0f × %.0f", shape.widthMetres(), shape.heightMetres())));
    }

    private static void dot(GraphicsContext g, double[] at, Color color) {
        g.setFill(color);
        g.fillOval(at[0] - 6, at[1] - 6, 12, 12);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.strokeOval(at[0] - 6, at[1] - 6, 12, 12);
    }
}
