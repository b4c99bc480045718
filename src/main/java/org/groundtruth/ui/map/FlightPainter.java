package org.groundtruth.ui.map;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;

/** Draws a {@link FlightLayer}: the track, its start and end, the footprint, the drone and a photo's position. */
final class FlightPainter {
    static final Color TRACK = Color.web("#E8590C");
    static final Color FOOTPRINT = Color.web("#0CA678");
    static final Color DRONE = Color.web("#1F6FD1");
    static final Color PHOTO = Color.web("#7048E8");

    private FlightPainter() {
    }

    static void paint(GraphicsContext g, MapViewport viewport, FlightLayer flight) {
        List<LatLon> track = flight.trackProperty().get();
        if (track.size() > 1) {
            double[][] xy = screen(viewport, track);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.setLineCap(StrokeLineCap.ROUND);
            g.setStroke(Color.WHITE);
            g.setLineWidth(5.5);
            g.strokePolyline(xy[0], xy[1], track.size());
            g.setStroke(TRACK);
            g.setLineWidth(3);
            g.strokePolyline(xy[0], xy[1], track.size());
            end(g, xy[0][0], xy[1][0], Color.web("#2F9E44"));
            end(g, xy[0][track.size() - 1], xy[1][track.size() - 1], Color.web("#C92A2A"));
        }
        List<LatLon> corners = flight.footprintProperty().get();
        if (corners.size() == 4) {
            double[][] xy = screen(viewport, corners);
            g.setFill(FOOTPRINT.deriveColor(0, 1, 1, 0.22));
            g.fillPolygon(xy[0], xy[1], 4);
            g.setStroke(FOOTPRINT);
            g.setLineWidth(2);
            g.strokePolygon(xy[0], xy[1], 4);
            g.setLineWidth(4); // the frame's top edge, thicker: which way is "up" in the picture
            g.strokeLine(xy[0][0], xy[1][0], xy[0][1], xy[1][1]);
            flight.footprintCentreProperty().get().ifPresent(c -> {
                Point2D p = viewport.toScreen(c);
                g.setStroke(Color.WHITE);
                g.setLineWidth(3.5);
                cross(g, p.getX(), p.getY());
                g.setStroke(FOOTPRINT);
                g.setLineWidth(1.8);
                cross(g, p.getX(), p.getY());
            });
            flight.droneProperty().get().ifPresent(d -> {
                Point2D from = viewport.toScreen(d);
                g.setStroke(FOOTPRINT.deriveColor(0, 1, 1, 0.7));
                g.setLineWidth(1);
                g.setLineDashes(3, 4);
                for (int i = 0; i < 4; i++) {
                    g.strokeLine(from.getX(), from.getY(), xy[0][i], xy[1][i]);
                }
                g.setLineDashes();
            });
        }
        flight.droneProperty().get().ifPresent(d -> drone(g, viewport.toScreen(d), flight.droneHeadingProperty().get()));
        flight.photoProperty().get().ifPresent(photo -> photo(g, viewport, photo));
    }

    /** The track sample under a click, if one is within {@code radius} pixels. */
    static Optional<Integer> trackHit(FlightLayer flight, MapViewport viewport, double x, double y, double radius) {
        List<LatLon> track = flight.trackProperty().get();
        int best = -1;
        double bestDistance = radius;
        for (int i = 0; i < track.size(); i++) {
            Point2D p = viewport.toScreen(track.get(i));
            double d = Math.hypot(p.getX() - x, p.getY() - y);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static double[][] screen(MapViewport viewport, List<LatLon> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point2D p = viewport.toScreen(points.get(i));
            xs[i] = p.getX();
            ys[i] = p.getY();
        }
        return new double[][] {xs, ys};
    }

    private static void end(GraphicsContext g, double x, double y, Color color) {
        g.setFill(Color.WHITE);
        g.fillOval(x - 6, y - 6, 12, 12);
        g.setFill(color);
        g.fillOval(x - 4.5, y - 4.5, 9, 9);
    }

    private static void cross(GraphicsContext g, double x, double y) {
        g.strokeLine(x - 7, y, x + 7, y);
        g.strokeLine(x, y - 7, x, y + 7);
    }

    /** A blue disc with a white arrow pointing along the camera's yaw (a plain disc when unknown). */
    private static void drone(GraphicsContext g, Point2D p, Optional<Double> heading) {
        double x = p.getX();
        double y = p.getY();
        g.setFill(Color.WHITE);
        g.fillOval(x - 10, y - 10, 20, 20);
        g.setFill(DRONE);
        g.fillOval(x - 8, y - 8, 16, 16);
        heading.ifPresent(h -> {
            double a = Math.toRadians(h);
            double dx = Math.sin(a);
            double dy = -Math.cos(a);
            g.setFill(Color.WHITE);
            g.fillPolygon(new double[] {x + dx * 7, x - dx * 4 + dy * 4.5, x - dx * 4 - dy * 4.5},
                    new double[] {y + dy * 7, y - dy * 4 - dx * 4.5, y - dy * 4 + dx * 4.5}, 3);
        });
    }

    private static void photo(GraphicsContext g, MapViewport viewport, FlightLayer.PhotoMarker photo) {
        Point2D p = viewport.toScreen(photo.position());
        photo.directionDegrees().ifPresent(direction -> {
            double metres = 40 * viewport.metersPerPixel();
            double[] xs = new double[9];
            double[] ys = new double[9];
            xs[0] = p.getX();
            ys[0] = p.getY();
            for (int i = 0; i <= 7; i++) {
                double azimuth = direction - 25 + 50.0 * i / 7;
                Point2D q = viewport.toScreen(Geodesy.destination(photo.position(), ((azimuth % 360) + 360) % 360, metres));
                xs[i + 1] = q.getX();
                ys[i + 1] = q.getY();
            }
            g.setFill(PHOTO.deriveColor(0, 1, 1, 0.22));
            g.fillPolygon(xs, ys, xs.length);
            g.setStroke(PHOTO);
            g.setLineWidth(1.5);
            g.strokePolygon(xs, ys, xs.length);
        });
        double x = p.getX();
        double y = p.getY();
        g.setFill(Color.WHITE);
        g.fillRoundRect(x - 10, y - 8, 20, 16, 5, 5);
        g.setFill(PHOTO);
        g.fillRoundRect(x - 8.5, y - 6.5, 17, 13, 4, 4);
        g.fillRect(x - 4, y - 9, 8, 3);
        g.setFill(Color.WHITE);
        g.fillOval(x - 4, y - 4, 8, 8);
        g.setFill(PHOTO);
        g.fillOval(x - 2.2, y - 2.2, 4.4, 4.4);
    }
}
