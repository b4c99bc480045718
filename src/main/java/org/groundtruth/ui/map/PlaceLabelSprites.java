package org.groundtruth.ui.map;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.basemap.PlaceLabelPainter;
import org.groundtruth.map.basemap.ViewLabels;

/**
 * The basemap's place labels as small images for the canvas, drawn with the same Java2D painter as tiles and
 * {@code map render}. An image is made once, on a background thread (text outlines and halos are too slow for the
 * FX thread when a view brings a hundred new names), and kept for the labels seen most recently; a frame only copies
 * the images that are ready and the canvas repaints when more are. The thread ends when idle.
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
    private final Set<Key> making = new HashSet<>();
    private final Runnable whenMade;
    private final ThreadPoolExecutor maker;

    /** @param whenMade runs on the making thread after each image is ready (the canvas asks for a repaint) */
    PlaceLabelSprites(Runnable whenMade) {
        this.whenMade = whenMade;
        this.maker = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "place-label-sprites");
            t.setDaemon(true);
            return t;
        });
        maker.allowCoreThreadTimeOut(true);
    }

    /**
     * Draws the labels whose images are ready at whole pixels, as the tiles are, so each sits on the same pixel grid
     * as the map beneath; asks for the others. Answers how many were drawn.
     */
    int draw(GraphicsContext g, List<ViewLabels.Shown> labels, MapViewport viewport, MapStyle style) {
        int drawn = 0;
        for (ViewLabels.Shown label : labels) {
            Optional<Sprite> sprite = ready(label, style);
            if (sprite.isPresent()) {
                g.drawImage(sprite.get().image(), Math.floor(sprite.get().worldX() - viewport.left()),
                        Math.floor(sprite.get().worldY() - viewport.top()));
                drawn++;
            }
        }
        return drawn;
    }

    /** The label's image if made; otherwise it is queued (once) and empty is answered. */
    Optional<Sprite> ready(ViewLabels.Shown label, MapStyle style) {
        var box = label.box();
        Key key = new Key(label.label().id(), label.label().priority(), box.getX(), box.getY(), box.getWidth(),
                box.getHeight(), style);
        synchronized (kept) {
            Sprite sprite = kept.get(key);
            if (sprite != null) {
                return Optional.of(sprite);
            }
            if (!making.add(key)) {
                return Optional.empty();
            }
        }
        try {
            maker.execute(() -> make(key, label, style));
        } catch (RejectedExecutionException e) {
            synchronized (kept) {
                making.remove(key);
            }
        }
        return Optional.empty();
    }

    private void make(Key key, ViewLabels.Shown label, MapStyle style) {
        try {
            PlaceLabelPainter.Sprite sprite = PlaceLabelPainter.sprite(label, style);
            Sprite made = new Sprite(MapCanvas.toFx(sprite.image()), sprite.worldX(), sprite.worldY());
            synchronized (kept) {
                kept.put(key, made);
            }
        } finally {
            synchronized (kept) {
                making.remove(key);
            }
        }
        whenMade.run();
    }
}
