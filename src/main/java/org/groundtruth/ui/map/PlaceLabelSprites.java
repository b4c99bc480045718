package org.groundtruth.ui.map;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.basemap.PlaceLabelPainter;
import org.groundtruth.map.basemap.ViewLabels;

/**
 * The basemap's place labels as small images for the canvas, drawn with the same Java2D painter as tiles and
 * {@code map render} and kept for the labels seen most recently, so a frame only copies images.
 */
final class PlaceLabelSprites {
    private static final int KEPT = 800;

    /** A label's image and the whole world pixel of its top-left corner. */
    record Sprite(Image image, long worldX, long worldY) {
    }

    /** A label at one position, in one style (cheap to hash: the label's id and its box). */
    private record Key(long id, int priority, double x, double y, double width, double height, MapStyle style) {
    }

    private final Map<Key, Sprite> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sprite> eldest) {
            return size() > KEPT;
        }
    };

    /** Draws the labels at whole pixels, as the tiles are: each sits on the same pixel grid as the map beneath. */
    void draw(javafx.scene.canvas.GraphicsContext g, java.util.List<ViewLabels.Shown> labels, MapViewport viewport,
            MapStyle style) {
        for (ViewLabels.Shown label : labels) {
            Sprite sprite = of(label, style);
            g.drawImage(sprite.image(), Math.floor(sprite.worldX() - viewport.left()),
                    Math.floor(sprite.worldY() - viewport.top()));
        }
    }

    Sprite of(ViewLabels.Shown label, MapStyle style) {
        var box = label.box();
        Key key = new Key(label.label().id(), label.label().priority(), box.getX(), box.getY(), box.getWidth(),
                box.getHeight(), style);
        return kept.computeIfAbsent(key, k -> {
            PlaceLabelPainter.Sprite sprite = PlaceLabelPainter.sprite(label, style);
            return new Sprite(MapCanvas.toFx(sprite.image()), sprite.worldX(), sprite.worldY());
        });
    }
}
