package org.groundtruth.ui.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places labels drawn over the map (double-tap pairs, shadow directions, measured distances) so that none overprints
 * another or a reserved area (the scale bar, the attribution) and none runs off the map's edge: each label tries the
 * positions around its anchor in a fixed order and takes the first that is free; a label with no free position is
 * left out rather than drawn over another. The basemap's place labels beneath are avoided too, as long as any
 * position (near, then further out) allows. Plain geometry, no toolkit; one placer per painted frame.
 */
final class LabelPlacer {
    /** A rectangle in canvas pixels, top-left corner and size. */
    record Box(double x, double y, double width, double height) {
        Box {
            if (!(width >= 0) || !(height >= 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("box needs finite position and a non-negative size");
            }
        }

        boolean intersects(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        boolean inside(double areaWidth, double areaHeight) {
            return x >= 0 && y >= 0 && x + width <= areaWidth && y + height <= areaHeight;
        }
    }

    /** Gap between the anchor (a line's end, a point) and its label. */
    static final double OFFSET = 9;
    private final double width;
    private final double height;
    private final List<Box> taken = new ArrayList<>();
    /** Text already on the map beneath (the basemap's place labels): avoided, but not this placer's own. */
    private final List<Box> beneath = new ArrayList<>();

    LabelPlacer(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** An area no label may cover (scale bar, attribution, a marker). */
    void reserve(Box box) {
        taken.add(box);
    }

    /** Text already drawn on the map below (a place label in the basemap's tiles) that no label may cover. */
    void avoid(Box box) {
        beneath.add(box);
    }

    /**
     * The box for a label of the given size near the anchor, taken so later labels avoid it; empty when every
     * position around the anchor would overprint a placed label or leave the map.
     */
    Optional<Box> place(double anchorX, double anchorY, double labelWidth, double labelHeight) {
        // First around the anchor, then a step further out, clear of everything; an investigator's label is worth more
        // than a basemap place name, so as a last resort it may cover one (on its opaque box), never another label.
        for (int phase = 0; phase < 3; phase++) {
            double gap = phase == 1 ? OFFSET * 3 : OFFSET;
            boolean clearOfMap = phase < 2;
            for (double[] offset : offsets(gap, labelWidth, labelHeight)) {
                Box box = new Box(anchorX + offset[0], anchorY + offset[1], labelWidth, labelHeight);
                if (box.inside(width, height) && taken.stream().noneMatch(box::intersects)
                        && (!clearOfMap || beneath.stream().noneMatch(box::intersects))) {
                    taken.add(box);
                    return Optional.of(box);
                }
            }
        }
        return Optional.empty();
    }

    private static double[][] offsets(double gap, double labelWidth, double labelHeight) {
        return new double[][] {
            {gap, -gap - labelHeight}, // above right, the usual place
            {-gap - labelWidth, -gap - labelHeight}, // above left
            {gap, gap}, // below right
            {-gap - labelWidth, gap}, // below left
            {-labelWidth / 2, -gap - labelHeight}, // above
            {-labelWidth / 2, gap}, // below
            {gap, -labelHeight / 2}, // right
            {-gap - labelWidth, -labelHeight / 2}, // left
            {gap, -2 * gap - 2 * labelHeight}, // further above right
            {gap, 2 * gap + labelHeight}, // further below right
        };
    }

    /** The map's own labels avoided (tests). */
    List<Box> beneath() {
        return List.copyOf(beneath);
    }

    /** Every box taken so far, reserved areas included (tests). */
    List<Box> taken() {
        return List.copyOf(taken);
    }
}
