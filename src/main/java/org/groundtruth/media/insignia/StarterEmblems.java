package org.groundtruth.media.insignia;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.groundtruth.core.verify.InsigniaType;

/**
 * The starter set, drawn for Groundtruth from the public-domain symbols themselves (Geneva Conventions emblems and
 * the Star of Life as defined by the US DOT): red cross and red crescent on white, the blue Star of Life with the
 * staff of Asclepius on white. Drawn in code, so the geometry is exact and nobody's artwork is copied. The white
 * ground is part of each template: vehicles carry these emblems on white panels, and correlation needs the contrast.
 */
public final class StarterEmblems {
    /** One starter template: name, insignia type, PNG bytes. */
    public record Starter(String name, InsigniaType type, byte[] png) {
    }

    private static final int SIDE = 192;
    static final Color EMBLEM_RED = new Color(0xE4, 0x00, 0x1B);
    static final Color STAR_BLUE = new Color(0x00, 0x56, 0xB3);

    private StarterEmblems() {
    }

    public static List<Starter> all() {
        return List.of(
                new Starter("Red Cross", InsigniaType.RED_CROSS, png(redCross())),
                new Starter("Red Crescent", InsigniaType.RED_CRESCENT, png(redCrescent())),
                new Starter("Star of Life", InsigniaType.AMBULANCE_MARKINGS, png(starOfLife())));
    }

    static BufferedImage redCross() {
        BufferedImage image = whiteGround();
        Graphics2D g = graphics(image);
        g.setColor(EMBLEM_RED);
        // the ICRC proportions: five equal squares, arms one fifth of the cross's span; a white margin around
        double unit = SIDE * 0.8 / 5;
        double origin = SIDE * 0.1;
        g.fill(new Rectangle2D.Double(origin + 2 * unit, origin, unit * 1.0, unit * 5));
        g.fill(new Rectangle2D.Double(origin, origin + 2 * unit, unit * 5, unit * 1.0));
        g.dispose();
        return image;
    }

    static BufferedImage redCrescent() {
        BufferedImage image = whiteGround();
        Graphics2D g = graphics(image);
        g.setColor(EMBLEM_RED);
        double outer = SIDE * 0.8;
        Area crescent = new Area(new Ellipse2D.Double(SIDE * 0.1, SIDE * 0.1, outer, outer));
        double inner = outer * 0.8;
        crescent.subtract(new Area(new Ellipse2D.Double(SIDE * 0.1 + outer * 0.28, SIDE * 0.1 + (outer - inner) / 2, inner, inner)));
        g.fill(crescent);
        g.dispose();
        return image;
    }

    static BufferedImage starOfLife() {
        BufferedImage image = whiteGround();
        Graphics2D g = graphics(image);
        g.setColor(STAR_BLUE);
        double c = SIDE / 2.0;
        double length = SIDE * 0.42;
        double width = SIDE * 0.2;
        Area star = new Area();
        for (int arm = 0; arm < 3; arm++) {
            Area bar = new Area(new Rectangle2D.Double(c - width / 2, c - length, width, 2 * length));
            bar.transform(AffineTransform.getRotateInstance(Math.toRadians(60 * arm), c, c));
            star.add(bar);
        }
        g.fill(star);
        // the staff of Asclepius in white: a rod with a serpent
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (SIDE * 0.025), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(c, c - length * 0.85, c, c + length * 0.85));
        Path2D serpent = new Path2D.Double();
        serpent.moveTo(c, c + length * 0.7);
        for (int turn = 0; turn < 4; turn++) {
            double y = c + length * 0.7 - turn * length * 0.38;
            serpent.quadTo(c + (turn % 2 == 0 ? 1 : -1) * width * 0.45, y - length * 0.19, c, y - length * 0.38);
        }
        g.draw(serpent);
        g.dispose();
        return image;
    }

    private static BufferedImage whiteGround() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIDE, SIDE);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
