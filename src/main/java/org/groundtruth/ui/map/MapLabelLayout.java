package org.groundtruth.ui.map;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.basemap.ViewLabels;

/**
 * Lays out every label of one map frame before anything is drawn: first the investigator's labels over the map
 * (double-tap pairs, shadow directions, distances, the found place) with {@link LabelPlacer}, clear of the scale bar,
 * the attribution and each other; then the basemap's place labels of the view's blocks that fit wholly inside the map
 * and meet none of those nor a coverage tag ({@link ViewLabels}). The investigator's labels win: a place name in their
 * way is left out with its dot, never drawn under or over them. Plain geometry, no toolkit.
 */
final class MapLabelLayout {
    /** A label the investigator's data asks for: its text, the point it belongs to and its size, canvas pixels. */
    record Request(String text, double anchorX, double anchorY, double width, double height) {
    }

    /**
     * @param overlay where each request went (same order), empty for one left out for want of room
     * @param places the place labels to draw, world pixels
     * @param placer the frame's placer: reserved areas and overlay labels (tests)
     */
    record Result(List<Optional<LabelPlacer.Box>> overlay, List<ViewLabels.Shown> places, LabelPlacer placer) {
    }

    private MapLabelLayout() {
    }

    /**
     * @param viewport the view (its size is the canvas's)
     * @param reserved areas no label may cover, in order (the attribution, then the scale bar)
     * @param coverageTags the offline maps' tags: overlay labels avoid them where they can, place labels always
     * @param requests the overlay labels, most important first
     * @param places the basemap's placed labels known for the view's blocks (none without a basemap)
     */
    static Result layout(MapViewport viewport, List<LabelPlacer.Box> reserved, List<LabelPlacer.Box> coverageTags,
            List<Request> requests, BasemapRenderer.BlockLabels places) {
        return layout(viewport, reserved, coverageTags, requests, List.of(), places);
    }

    /**
     * As above; {@code marks} are the incident markers, pins and rings drawn over the map: a place name they would
     * half hide is left out (or moved) too.
     */
    static Result layout(MapViewport viewport, List<LabelPlacer.Box> reserved, List<LabelPlacer.Box> coverageTags,
            List<Request> requests, List<LabelPlacer.Box> marks, BasemapRenderer.BlockLabels places) {
        LabelPlacer placer = new LabelPlacer(viewport.width(), viewport.height());
        reserved.forEach(placer::reserve);
        coverageTags.forEach(placer::avoid);
        List<Optional<LabelPlacer.Box>> overlay = new ArrayList<>();
        for (Request r : requests) {
            overlay.add(placer.place(r.anchorX(), r.anchorY(), r.width(), r.height()));
        }
        List<Rectangle2D> obstacles = new ArrayList<>();
        for (LabelPlacer.Box box : placer.taken()) {
            obstacles.add(world(viewport, box));
        }
        for (LabelPlacer.Box box : coverageTags) {
            obstacles.add(world(viewport, box));
        }
        for (LabelPlacer.Box box : marks) {
            obstacles.add(world(viewport, box));
        }
        Rectangle2D view = new Rectangle2D.Double(viewport.left(), viewport.top(), viewport.width(), viewport.height());
        List<ViewLabels.Shown> shown = ViewLabels.choose(places.labels(), view, obstacles, places.complete());
        return new Result(List.copyOf(overlay), shown, placer);
    }

    /** A canvas box in world pixels. */
    static Rectangle2D world(MapViewport viewport, LabelPlacer.Box box) {
        return new Rectangle2D.Double(box.x() + viewport.left(), box.y() + viewport.top(), box.width(), box.height());
    }

    /** A world-pixel box on the canvas. */
    static LabelPlacer.Box canvas(MapViewport viewport, Rectangle2D box) {
        return new LabelPlacer.Box(box.getX() - viewport.left(), box.getY() - viewport.top(), box.getWidth(),
                box.getHeight());
    }
}
