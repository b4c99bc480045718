package org.groundtruth.media.insignia;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.groundtruth.media.PngFiles;

/**
 * A complex emblem drawn for the benchmark and tests (not a copy of any official emblem): a round badge with a dark
 * blue ring carrying lettering, a thin gold ring, an orange shield with a white cross, a star and the number 101 —
 * the kind of detailed, multi-colour rescue-service badge an analyst cuts from evidence, with enough corners and
 * letters to carry local features (unlike the starter set's flat symbols).
 */
public final class RescueBadge {
    /** Side of the drawn badge in pixels. */
    public static final int SIDE = 256;

    private RescueBadge() {
    }

    /** The badge on white, as a PNG. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIDE, SIDE);
            int c = SIDE / 2;
            // outer dark blue ring with lettering
            g.setColor(new Color(20, 50, 150));
            g.fillOval(4, 4, SIDE - 8, SIDE - 8);
            g.setColor(new Color(235, 185, 40));
            g.setStroke(new BasicStroke(5));
            g.drawOval(42, 42, SIDE - 84, SIDE - 84);
            g.setColor(Color.WHITE);
            g.fillOval(46, 46, SIDE - 92, SIDE - 92);
            letters(g, "RESCUE SERVICE * 101 * ", c, 100, new Font(Font.SANS_SERIF, Font.BOLD, 22));
            // orange shield with a white cross and a star
            Polygon shield = new Polygon(new int[] {c - 52, c + 52, c + 52, c, c - 52}, new int[] {c - 58, c - 58, c + 10, c + 66, c + 10}, 5);
            g.setColor(new Color(240, 110, 20));
            g.fillPolygon(shield);
            g.setColor(new Color(20, 50, 150));
            g.setStroke(new BasicStroke(4));
            g.drawPolygon(shield);
            g.setColor(Color.WHITE);
            g.fillRect(c - 9, c - 48, 18, 62);
            g.fillRect(c - 33, c - 26, 66, 18);
            g.setColor(new Color(235, 185, 40));
            g.fillPolygon(star(c, c + 36, 15, 6));
            g.setColor(new Color(20, 50, 150));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("101", c - 44, c + 2);
        } finally {
            g.dispose();
        }
        return PngFiles.encode(image);
    }

    private static void letters(Graphics2D g, String text, int centre, int radius, Font font) {
        g.setFont(font);
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < text.length(); i++) {
            double angle = 2 * Math.PI * i / text.length() - Math.PI / 2;
            g.setTransform(saved);
            g.translate(centre + radius * Math.cos(angle), centre + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            String s = String.valueOf(text.charAt(i));
            g.drawString(s, -g.getFontMetrics().stringWidth(s) / 2, 8);
        }
        g.setTransform(saved);
    }

    private static Polygon star(int cx, int cy, int outer, int inner) {
        Polygon p = new Polygon();
        for (int i = 0; i < 10; i++) {
            double a = Math.PI * i / 5 - Math.PI / 2;
            int r = i % 2 == 0 ? outer : inner;
            p.addPoint((int) Math.round(cx + r * Math.cos(a)), (int) Math.round(cy + r * Math.sin(a)));
        }
        return p;
    }
}
