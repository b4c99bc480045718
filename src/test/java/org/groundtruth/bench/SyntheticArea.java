package org.groundtruth.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.map.imagery.ReferenceLayer;

/**
 * Writes a large imagery area as MBTiles for the speed benchmark: the real reference in its true place, the rest filled
 * with ~33 m blocks of it picked at random, turned by a multiple of 90° and mirrored, so every cell has real texture
 * and no cell is a copy of another.
 */
final class SyntheticArea {
    private static final int ZOOM = 19;
    private static final int BLOCK = 160;

    private SyntheticArea() {
    }

    static void write(Path referenceFile, Path out, double sideMeters) throws Exception {
        write(referenceFile, out, sideMeters, java.util.List.of());
    }

    /**
     * As {@link #write(Path, Path, double)}, the filler blocks cut from {@code filler} (pictures of other places) when
     * given: then nothing but the reference itself shows the reference's place. Filled with the reference's own blocks,
     * every window of a coarse zoom holds turned copies of the true place's texture, and Lowe's ratio test (nearest vs
     * second nearest within the window) throws the true matches away — the area cannot test a search at 0.3 m.
     */
    static void write(Path referenceFile, Path out, double sideMeters, java.util.List<BufferedImage> filler) throws Exception {
        try (ReferenceLayer layer = ReferenceLayer.open(referenceFile)) {
            SearchArea b = layer.bounds();
            int rx0 = (int) (MercatorPixels.x(b.minLon(), ZOOM) / 256);
            int rx1 = (int) (MercatorPixels.x(b.maxLon(), ZOOM) / 256);
            int ry0 = (int) (MercatorPixels.y(b.maxLat(), ZOOM) / 256);
            int ry1 = (int) (MercatorPixels.y(b.minLat(), ZOOM) / 256);
            BufferedImage ref = new BufferedImage((rx1 - rx0 + 1) * 256, (ry1 - ry0 + 1) * 256, BufferedImage.TYPE_INT_ARGB);
            for (int ty = ry0; ty <= ry1; ty++) {
                for (int tx = rx0; tx <= rx1; tx++) {
                    Optional<int[]> t = layer.tile(ZOOM, tx, ty);
                    if (t.isPresent()) {
                        ref.setRGB((tx - rx0) * 256, (ty - ry0) * 256, 256, 256, t.get(), 0, 256);
                    }
                }
            }
            double mpp = MercatorPixels.metersPerPixel(b.center().lat(), ZOOM);
            // whole tiles at every zoom written (19, 18, 17): the area starts and ends on a multiple of 4 tiles at zoom 19.
            // (It did not: with an odd first tile the halved levels were written half a tile — 52 m at zoom 18 — away
            // from where they belong, and the bench photo was "not found" at 0.3 m.)
            int tilesPerSide = ((int) Math.ceil(sideMeters / mpp / 256) + 3) / 4 * 4;
            int cx = (rx0 + rx1) / 2;
            int cy = (ry0 + ry1) / 2;
            int ax0 = Math.floorDiv(cx - tilesPerSide / 2, 4) * 4;
            int ay0 = Math.floorDiv(cy - tilesPerSide / 2, 4) * 4;
            int side = tilesPerSide * 256;
            BufferedImage area = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = area.createGraphics();
            Random random = new Random(16);
            for (int y = 0; y < side; y += BLOCK) {
                for (int x = 0; x < side; x += BLOCK) {
                    BufferedImage block = dataBlock(filler.isEmpty() ? ref : filler.get(random.nextInt(filler.size())), random);
                    g.drawImage(turned(block, random.nextInt(8)), x, y, null);
                }
            }
            g.drawImage(ref, (rx0 - ax0) * 256, (ry0 - ay0) * 256, null); // black holes stay as they are in the reference
            g.dispose();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                    s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB,"
                            + " PRIMARY KEY (zoom_level, tile_column, tile_row))");
                    s.execute("INSERT INTO metadata VALUES ('name', 'brighton-1km'), ('format', 'jpg')");
                    var nw = MercatorPixels.latLon(ax0 * 256.0, ay0 * 256.0, ZOOM);
                    var se = MercatorPixels.latLon((ax0 + tilesPerSide) * 256.0, (ay0 + tilesPerSide) * 256.0, ZOOM);
                    s.execute(String.format(java.util.Locale.ROOT, "INSERT INTO metadata VALUES ('bounds', '%.8f,%.8f,%.8f,%.8f')",
                            nw.lon(), se.lat(), se.lon(), nw.lat()));
                }
                c.setAutoCommit(false);
                BufferedImage level = area;
                for (int z = ZOOM; z >= ZOOM - 2; z--) {
                    int shift = ZOOM - z;
                    writeLevel(c, level, z, ax0 >> shift, ay0 >> shift);
                    BufferedImage half = new BufferedImage(level.getWidth() / 2, level.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
                    Graphics2D h = half.createGraphics();
                    h.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    h.drawImage(level, 0, 0, half.getWidth(), half.getHeight(), null);
                    h.dispose();
                    level = half;
                }
                c.commit();
            }
        }
    }

    private static void writeLevel(Connection c, BufferedImage level, int zoom, int tx0, int ty0) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
            for (int ty = 0; ty < level.getHeight() / 256; ty++) {
                for (int tx = 0; tx < level.getWidth() / 256; tx++) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ImageIO.write(level.getSubimage(tx * 256, ty * 256, 256, 256), "jpg", bytes);
                    p.setInt(1, zoom);
                    p.setInt(2, tx0 + tx);
                    p.setInt(3, (1 << zoom) - 1 - (ty0 + ty));
                    p.setBytes(4, bytes.toByteArray());
                    p.executeUpdate();
                }
            }
        }
    }

    /** The block with most data of 200 random picks (stops early at 85 %). */
    private static BufferedImage dataBlock(BufferedImage ref, Random random) {
        BufferedImage best = null;
        int bestData = -1;
        for (int attempt = 0; attempt < 200; attempt++) {
            int x = random.nextInt(ref.getWidth() - BLOCK);
            int y = random.nextInt(ref.getHeight() - BLOCK);
            BufferedImage block = ref.getSubimage(x, y, BLOCK, BLOCK);
            int data = 0;
            for (int i = 0; i < BLOCK * BLOCK; i += 97) {
                int p = block.getRGB(i % BLOCK, i / BLOCK);
                if ((p >>> 24) != 0 && (p & 0xffffff) != 0) {
                    data++;
                }
            }
            if (data > bestData) {
                best = block;
                bestData = data;
            }
            if (data > 0.85 * (BLOCK * BLOCK / 97)) {
                break;
            }
        }
        return best;
    }

    private static BufferedImage turned(BufferedImage block, int how) {
        BufferedImage out = new BufferedImage(BLOCK, BLOCK, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < BLOCK; y++) {
            for (int x = 0; x < BLOCK; x++) {
                int sx = (how & 1) == 0 ? x : BLOCK - 1 - x;
                int sy = y;
                for (int r = 0; r < (how >> 1); r++) {
                    int t = sx;
                    sx = BLOCK - 1 - sy;
                    sy = t;
                }
                out.setRGB(x, y, block.getRGB(sx, sy));
            }
        }
        return out;
    }
}
