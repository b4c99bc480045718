package org.groundtruth.ui.evidence;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * Insignia boxes over a picture: draws the boxes recorded for what is shown, and in drawing mode lets the
 * analyst drag a new one. Boxes are fractions of the picture, so they follow zoom, pan, rotation and flips:
 * every conversion goes through the picture's own transform to the scene.
 */
final class BoxOverlay extends Pane {
    /** A recorded box and the label drawn with it. */
    record LabeledBox(NormalizedBox box, String label) {
    }

    private final ImageView picture;
    private final Rectangle rubberBand = new Rectangle();
    private List<LabeledBox> boxes = List.of();
    private Optional<Consumer<NormalizedBox>> receiver = Optional.empty();
    private Point2D start;

    BoxOverlay(ImageView picture) {
        this.picture = picture;
        getStyleClass().add("box-overlay");
        setMouseTransparent(true);
        setPickOnBounds(true);
        rubberBand.getStyleClass().add("box-drawing");
        rubberBand.setVisible(false);
        picture.localToSceneTransformProperty().addListener((o, was, now) -> redraw());
        picture.boundsInParentProperty().addListener((o, was, now) -> redraw());
        picture.imageProperty().addListener((o, was, now) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    void show(List<LabeledBox> shown) {
        boxes = List.copyOf(shown);
        redraw();
    }

    /** The next drag draws a box and hands it to {@code onDrawn}. */
    void draw(Consumer<NormalizedBox> onDrawn) {
        receiver = Optional.of(onDrawn);
        setMouseTransparent(false);
        setCursor(Cursor.CROSSHAIR);
    }

    private void pressed(MouseEvent e) {
        start = new Point2D(e.getX(), e.getY());
        rubberBand.setVisible(true);
        update(e);
        e.consume();
    }

    private void dragged(MouseEvent e) {
        update(e);
        e.consume();
    }

    private void released(MouseEvent e) {
        rubberBand.setVisible(false);
        e.consume();
        if (start == null || Math.abs(e.getX() - start.getX()) < 3 || Math.abs(e.getY() - start.getY()) < 3) {
            return; // a click, not a box
        }
        Point2D a = normalized(start.getX(), start.getY());
        Point2D b = normalized(e.getX(), e.getY());
        start = null;
        double x = clamp(Math.min(a.getX(), b.getX()));
        double y = clamp(Math.min(a.getY(), b.getY()));
        NormalizedBox box = new NormalizedBox(x, y, clamp(Math.max(a.getX(), b.getX())) - x,
                clamp(Math.max(a.getY(), b.getY())) - y);
        Optional<Consumer<NormalizedBox>> done = receiver;
        receiver = Optional.empty();
        setMouseTransparent(true);
        setCursor(Cursor.DEFAULT);
        done.ifPresent(r -> r.accept(box));
    }

    private void update(MouseEvent e) {
        rubberBand.setX(Math.min(start.getX(), e.getX()));
        rubberBand.setY(Math.min(start.getY(), e.getY()));
        rubberBand.setWidth(Math.abs(e.getX() - start.getX()));
        rubberBand.setHeight(Math.abs(e.getY() - start.getY()));
    }

    /** A point of this overlay as fractions of the picture (may fall outside 0..1). */
    private Point2D normalized(double x, double y) {
        Point2D local = picture.sceneToLocal(localToScene(x, y));
        double w = picture.getLayoutBounds().getWidth();
        double h = picture.getLayoutBounds().getHeight();
        return w <= 0 || h <= 0 ? Point2D.ZERO : new Point2D((local.getX() - picture.getLayoutBounds().getMinX()) / w,
                (local.getY() - picture.getLayoutBounds().getMinY()) / h);
    }

    private Point2D onScreen(double nx, double ny) {
        double w = picture.getLayoutBounds().getWidth();
        double h = picture.getLayoutBounds().getHeight();
        return sceneToLocal(picture.localToScene(picture.getLayoutBounds().getMinX() + nx * w,
                picture.getLayoutBounds().getMinY() + ny * h));
    }

    private void redraw() {
        getChildren().clear();
        if (picture.getImage() != null && getScene() != null) {
            for (LabeledBox labeled : boxes) {
                NormalizedBox b = labeled.box();
                Polygon outline = new Polygon();
                for (double[] corner : new double[][] {{b.x(), b.y()}, {b.x() + b.width(), b.y()},
                    {b.x() + b.width(), b.y() + b.height()}, {b.x(), b.y() + b.height()}}) {
                    Point2D p = onScreen(corner[0], corner[1]);
                    outline.getPoints().addAll(p.getX(), p.getY());
                }
                outline.getStyleClass().add("insignia-box");
                Label label = new Label(labeled.label());
                label.getStyleClass().add("insignia-box-label");
                Point2D corner = onScreen(b.x(), b.y());
                label.relocate(corner.getX(), Math.max(0, corner.getY() - 18));
                getChildren().addAll(outline, label);
            }
        }
        getChildren().add(rubberBand);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
