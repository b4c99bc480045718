package org.groundtruth.map.basemap;

import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Places the basemap's country, region and place labels without overlap: greedy, most important first (countries,
 * then capitals, then cities by rank, then regions, then smaller places), each label trying candidate positions
 * around its point and dropped (with its dot) when none is free. Placement is done for a fixed block of world pixels
 * at a time, so every tile of the block draws the same labels. The few most important labels are placed first over
 * the block and a margin (the whole world at low zoom) and may cross block lines; every other label must lie wholly
 * inside its block and keep clear of them, so labels from neighbouring blocks never meet across a tile or block edge.
 */
public final class PlaceLabels {
    /** The side of a placement block in world pixels (4×4 tiles). */
    static final int BLOCK_PX = 1024;
    /** Space kept free around each label's text. */
    private static final double PAD = 2;
    private static final FontRenderContext FRC = new FontRenderContext(null,
            RenderingHints.VALUE_TEXT_ANTIALIAS_ON, RenderingHints.VALUE_FRACTIONALMETRICS_DEFAULT);

    /** A label candidate from the basemap: what it is, how important, where (world pixels) and its names. */
    record Candidate(BasemapLayer layer, int rank, long id, double x, double y, LabelPair text) {
    }

    /** One line of a placed label: text, font, role (0 primary, 1 secondary), baseline start in world pixels. */
    public record Line(String text, Font font, boolean secondary, double x, double baseline) {
        Line shifted(double dx) {
            return new Line(text, font, secondary, x + dx, baseline);
        }
    }

    /** One position of a label's text: its lines and the box it keeps free, world pixels. */
    public record Spot(List<Line> lines, Rectangle2D box) {
        public Spot {
            lines = List.copyOf(lines);
        }

        Spot shifted(double dx) {
            return new Spot(lines.stream().map(l -> l.shifted(dx)).toList(),
                    new Rectangle2D.Double(box.getX() + dx, box.getY(), box.getWidth(), box.getHeight()));
        }
    }

    /**
     * A placed label: its lines, its dot (places only, radius 0 for none) and the box it keeps free, world pixels;
     * {@code others} are its other candidate positions, in the order tried, for a view whose edge cuts the placed one.
     * {@code priority} (then rank, then id) is its place in the greedy order, the same in every block.
     */
    public record Placed(BasemapLayer layer, int rank, long id, int priority, List<Line> lines, double dotX, double dotY,
            double dotRadius, Rectangle2D box, List<Spot> others) {
        public Placed {
            lines = List.copyOf(lines);
            others = List.copyOf(others);
        }

        /** Greedy order across blocks: most important first, as the blocks placed them. */
        public static final Comparator<Placed> ORDER = Comparator.comparingInt(Placed::priority)
                .thenComparingInt(Placed::rank).thenComparingLong(Placed::id);

        /** Whether any of it (text or dot) falls in the area, so a tile there must draw it. */
        boolean reaches(Rectangle2D area) {
            return box.intersects(area) || (dotRadius > 0 && dotBox().intersects(area));
        }

        /** The area its dot keeps free (empty size for a label without a dot). */
        public Rectangle2D dotBox() {
            return dotRadius > 0 ? PlaceLabels.dotBox(dotX, dotY, dotRadius) : new Rectangle2D.Double(dotX, dotY, 0, 0);
        }

        public Spot home() {
            return new Spot(lines, box);
        }

        /** The same label in the world copy {@code dx} pixels to the side. */
        Placed shifted(double dx) {
            return dx == 0 ? this : new Placed(layer, rank, id, priority, home().shifted(dx).lines(), dotX + dx, dotY,
                    dotRadius, home().shifted(dx).box(), others.stream().map(o -> o.shifted(dx)).toList());
        }
    }

    private PlaceLabels() {
    }

    /**
     * The labels to draw in one block. {@code top} are the countries, capitals and biggest cities of the block and a
     * margin around it (or of the whole world at low zoom): placed first, free to cross block lines, and the same for
     * every block whose area they reach (their few neighbours are inside the margin). {@code rest} are the block's
     * other labels, placed after them and wholly inside the block, so they meet no label of another block.
     */
    static List<Placed> place(List<Candidate> top, Rectangle2D topArea, List<Candidate> rest, int zoom, double left,
            double top0, double size) {
        Rectangle2D block = new Rectangle2D.Double(left, top0, size, size);
        List<Rectangle2D> taken = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (Placed p : placeInto(top.stream().filter(PlaceLabels::isTop).toList(), zoom, topArea, topArea, taken)) {
            if (p.reaches(block)) {
                placed.add(p);
            }
        }
        placed.addAll(placeInto(rest.stream().filter(c -> !isTop(c)).toList(), zoom, block, block, taken));
        return placed;
    }

    /** Countries, capitals and the biggest cities: placed across block lines. */
    static boolean isTop(Candidate c) {
        return priority(c) <= 1;
    }

    private static List<Placed> placeInto(List<Candidate> candidates, int zoom, Rectangle2D anchors, Rectangle2D bounds,
            List<Rectangle2D> taken) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt((Candidate c) -> priority(c))
                .thenComparingInt(Candidate::rank).thenComparingLong(Candidate::id));
        List<Placed> placed = new ArrayList<>();
        for (Candidate c : ordered) {
            if (!anchors.contains(c.x(), c.y())) {
                continue;
            }
            fit(c, priority(c), zoom, bounds, taken).ifPresent(p -> {
                placed.add(p);
                taken.add(p.box());
                if (p.dotRadius() > 0) {
                    taken.add(dotBox(p.dotX(), p.dotY(), p.dotRadius()));
                }
            });
        }
        return placed;
    }

    private static int priority(Candidate c) {
        return switch (c.layer()) {
            case COUNTRY_LABEL -> 0;
            case PLACE_LABEL -> c.rank() <= 2 ? 1 : c.rank() <= 6 ? 2 : 4;
            default -> 3;
        };
    }

    private static Optional<Placed> fit(Candidate c, int priority, int zoom, Rectangle2D block, List<Rectangle2D> taken) {
        Font first = switch (c.layer()) {
            case COUNTRY_LABEL -> BasemapStyle.countryFont(zoom, c.rank());
            case REGION_LABEL -> BasemapStyle.regionFont(zoom);
            default -> BasemapStyle.placeFont(zoom, c.rank());
        };
        String primary = c.layer() == BasemapLayer.COUNTRY_LABEL ? c.text().primary().toUpperCase(Locale.ROOT)
                : c.text().primary();
        Optional<String> second = c.layer() == BasemapLayer.REGION_LABEL && zoom < 6 ? Optional.empty()
                : c.text().secondary();
        Font small = BasemapStyle.secondaryFont(zoom);
        TextLayout one = new TextLayout(primary, first, FRC);
        Optional<TextLayout> two = second.map(s -> new TextLayout(s, small, FRC));
        double w1 = one.getAdvance();
        double w2 = two.map(TextLayout::getAdvance).orElse(0f);
        double width = Math.max(w1, w2);
        double asc1 = one.getAscent();
        double h1 = asc1 + one.getDescent();
        double gap = 1;
        double height = h1 + two.map(t -> gap + t.getAscent() + t.getDescent()).orElse(0.0);
        boolean place = c.layer() == BasemapLayer.PLACE_LABEL;
        double r = place ? (c.rank() <= 1 ? 2.5 : 2) : 0;
        // Candidate top-left corners of the text block and how its lines align (-1 left, 0 centre, 1 right).
        List<double[]> spots = new ArrayList<>();
        if (place) {
            double right = c.x() + r + 3;
            double leftEdge = c.x() - r - 3 - width;
            double beside = c.y() + 4 - asc1;
            spots.add(new double[] {right, beside, -1});
            spots.add(new double[] {leftEdge, beside, 1});
            spots.add(new double[] {c.x() - width / 2, c.y() - r - 2 - height, 0});
            spots.add(new double[] {c.x() - width / 2, c.y() + r + 2, 0});
            spots.add(new double[] {right - 1, c.y() - r - height, -1});
            spots.add(new double[] {right - 1, c.y() + r, -1});
            spots.add(new double[] {leftEdge + 1, c.y() - r - height, 1});
            spots.add(new double[] {leftEdge + 1, c.y() + r, 1});
        } else {
            double cx = c.x() - width / 2;
            double cy = c.y() - asc1;
            spots.add(new double[] {cx, cy, 0});
            spots.add(new double[] {cx, cy - height * 0.8, 0});
            spots.add(new double[] {cx, cy + height * 0.8, 0});
            spots.add(new double[] {cx - width / 3, cy, 0});
            spots.add(new double[] {cx + width / 3, cy, 0});
        }
        Rectangle2D dot = dotBox(c.x(), c.y(), r);
        if (place && (!block.contains(dot) || collides(dot, taken))) {
            return Optional.empty();
        }
        Optional<Spot> home = Optional.empty();
        List<Spot> others = new ArrayList<>();
        for (double[] spot : spots) {
            Rectangle2D box = new Rectangle2D.Double(spot[0] - PAD, spot[1] - PAD, width + 2 * PAD, height + 2 * PAD);
            if (place && box.intersects(dot)) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            lines.add(new Line(primary, first, false, align(spot, width, w1), spot[1] + asc1));
            if (two.isPresent()) {
                TextLayout t = two.get();
                lines.add(new Line(second.get(), small, true, align(spot, width, w2), spot[1] + h1 + gap + t.getAscent()));
            }
            Spot candidate = new Spot(lines, box);
            if (home.isEmpty() && block.contains(box) && !collides(box, taken)) {
                home = Optional.of(candidate);
            } else {
                others.add(candidate);
            }
        }
        return home.map(h -> new Placed(c.layer(), c.rank(), c.id(), priority, h.lines(), c.x(), c.y(), r, h.box(), others));
    }

    private static double align(double[] spot, double width, double lineWidth) {
        return spot[2] < 0 ? spot[0] : spot[2] > 0 ? spot[0] + width - lineWidth : spot[0] + (width - lineWidth) / 2;
    }

    static Rectangle2D dotBox(double x, double y, double r) {
        return new Rectangle2D.Double(x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2);
    }

    private static boolean collides(Rectangle2D box, List<Rectangle2D> taken) {
        for (Rectangle2D t : taken) {
            if (box.intersects(t)) {
                return true;
            }
        }
        return false;
    }
}
