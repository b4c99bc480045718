package org.groundtruth.map.basemap;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which of the basemap's placed labels one view draws, and where: the view-level half of label placement.
 * The blocks ({@link PlaceLabels}) fix each label's position in the world, so a label does not jump while the map
 * pans; the view then leaves out every label (with its dot) that would be cut by the view's edge or would meet an
 * obstacle — a label the investigator drew over the map, the scale bar, the attribution, a coverage tag — since those
 * are placed first and win. A label whose own position is cut or covered may take another of its candidate positions
 * when that one lies wholly inside the view and meets nothing drawn; this is only tried when every block of the view is
 * known, so a label still to come can never be overprinted. Plain geometry in world pixels, no toolkit.
 */
public final class ViewLabels {
    private ViewLabels() {
    }

    /** A label as one view draws it: which, and at which of its positions (its own or another that fits). */
    public record Shown(PlaceLabels.Placed label, PlaceLabels.Spot spot) {
        public Rectangle2D box() {
            return spot.box();
        }

        public List<PlaceLabels.Line> lines() {
            return spot.lines();
        }

        /** Drawn at another of its positions than the one its block chose. */
        public boolean moved() {
            return !spot.box().equals(label.box());
        }
    }

    /**
     * @param placed the basemap's placed labels that reach the view, world pixels, in any order
     * @param view the view, world pixels
     * @param obstacles areas no place label may meet (overlay labels, scale bar, attribution, tags), world pixels
     * @param complete every block the view meets is known: a cut label may move to another of its positions
     * @return the labels to draw, most important first; none meets another, an obstacle or the view's edge
     */
    public static List<Shown> choose(List<PlaceLabels.Placed> placed, Rectangle2D view, List<Rectangle2D> obstacles,
            boolean complete) {
        List<PlaceLabels.Placed> ordered = new ArrayList<>(placed);
        ordered.sort(PlaceLabels.Placed.ORDER);
        List<Shown> shown = new ArrayList<>();
        List<Rectangle2D> taken = new ArrayList<>();
        List<PlaceLabels.Placed> homeless = new ArrayList<>();
        for (PlaceLabels.Placed p : ordered) {
            Rectangle2D dot = p.dotBox();
            if (p.dotRadius() > 0 && (!view.contains(dot) || meets(dot, obstacles))) {
                continue;
            }
            if (view.contains(p.box()) && !meets(p.box(), obstacles)) {
                shown.add(new Shown(p, p.home()));
                taken.add(p.box());
                if (p.dotRadius() > 0) {
                    taken.add(dot);
                }
            } else if (complete) {
                homeless.add(p);
            }
        }
        // The dots of labels still looking for a spot are kept free while the others look.
        List<Rectangle2D> waitingDots = new ArrayList<>();
        for (PlaceLabels.Placed p : homeless) {
            waitingDots.add(p.dotBox());
        }
        for (int i = 0; i < homeless.size(); i++) {
            PlaceLabels.Placed p = homeless.get(i);
            Rectangle2D dot = waitingDots.get(i);
            boolean hasDot = p.dotRadius() > 0;
            if (!hasDot || !meets(dot, taken)) {
                for (PlaceLabels.Spot spot : p.others()) {
                    Rectangle2D box = spot.box();
                    if (view.contains(box) && !meets(box, obstacles) && !meets(box, taken)
                            && !meetsWaitingDot(box, homeless, waitingDots, i)) {
                        shown.add(new Shown(p, spot));
                        taken.add(box);
                        if (hasDot) {
                            taken.add(dot);
                        }
                        break;
                    }
                }
            }
        }
        return List.copyOf(shown);
    }

    /** Whether the box covers the dot of a label after {@code self} that may still be drawn. */
    private static boolean meetsWaitingDot(Rectangle2D box, List<PlaceLabels.Placed> homeless, List<Rectangle2D> dots,
            int self) {
        for (int j = self + 1; j < homeless.size(); j++) {
            if (homeless.get(j).dotRadius() > 0 && box.intersects(dots.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean meets(Rectangle2D box, List<Rectangle2D> others) {
        for (Rectangle2D o : others) {
            if (box.intersects(o)) {
                return true;
            }
        }
        return false;
    }
}
