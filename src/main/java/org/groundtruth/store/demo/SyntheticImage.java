package org.groundtruth.store.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.groundtruth.core.incident.TargetType;

/**
 * Draws the demo's stand-in "drone frame": a top-down road with a vehicle, stamped SYNTHETIC so nobody can
 * mistake it for evidence. Pure Java2D (headless), no real imagery.
 */
final class SyntheticImage {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;

    private SyntheticImage() {
    }

    static byte[] png(String caption, TargetType target, int variant) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(92, 110, 72), WIDTH, HEIGHT, new Color(70, 84, 58)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawRoad(g, variant);
            drawVehicle(g, target, 380 + (variant % 5) * 30, 230 + (variant % 3) * 20);
            drawLabel(g, caption);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode synthetic demo image", e);
        }
    }

    private static void drawRoad(Graphics2D g, int variant) {
        g.setColor(new Color(120, 120, 116));
        g.setStroke(new BasicStroke(110));
        g.drawLine(-50, 150 + variant * 17 % 200, WIDTH + 50, 330 - variant * 11 % 120);
        g.setColor(new Color(150, 140, 120));
        for (int i = 0; i < 6; i++) {
            g.fillRect(60 + i * 150, 40 + (i * 37 + variant * 13) % 80, 90, 60);
            g.fillRect(40 + i * 160, 420 + (i * 29 + variant * 7) % 60, 110, 70);
        }
    }

    private static void drawVehicle(Graphics2D g, TargetType target, int x, int y) {
        boolean fireEngine = target == TargetType.FIRE_ENGINE || target == TargetType.RESCUE_VEHICLE;
        g.setColor(fireEngine ? new Color(200, 30, 30) : new Color(235, 235, 235));
        g.fillRoundRect(x, y, 170, 70, 14, 14);
        g.setColor(fireEngine ? new Color(240, 240, 240) : new Color(210, 30, 30));
        g.fillRect(x + 10, y + 28, 150, 12);
        g.setColor(new Color(30, 30, 30, 170));
        g.fillOval(x + 120, y - 40, 120, 90);
    }

    /** Fonts may be missing on a bare machine: the image is still valid, its name says what it is. */
    private static void drawLabel(Graphics2D g, String caption) {
        try {
            g.setColor(new Color(0, 0, 0, 160));
            g.fillRect(0, 0, WIDTH, 64);
            g.fillRect(0, HEIGHT - 44, WIDTH, 44);
            g.setColor(Color.YELLOW);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.drawString("SYNTHETIC DEMO IMAGE \u2014 NOT REAL EVIDENCE", 20, 42);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.drawString(caption, 20, HEIGHT - 15);
        } catch (RuntimeException | InternalError e) {
            org.slf4j.LoggerFactory.getLogger(SyntheticImage.class).debug("no fonts for demo labels: {}", e.toString());
        }
    }
}
