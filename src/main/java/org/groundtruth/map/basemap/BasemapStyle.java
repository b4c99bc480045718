package org.groundtruth.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The cartographic style: muted fills so incident markers and imagery stand out, boundaries in violet greys
 * (never a colour that could read as a verification status), labels with a white halo.
 */
final class BasemapStyle {
    static final Color OCEAN = new Color(0xB5D0E3);
    static final Color LAND = new Color(0xF4F1EA);
    static final Color URBAN = new Color(0xE5DCCF);
    static final Color WATER_LINE = new Color(0x86AECB);
    static final Color COAST = new Color(0x7FA3BF);
    static final Color ADMIN1 = new Color(0xB3A3BF);
    static final Color ADMIN0 = new Color(0x84709A);
    static final Color ADMIN0_CASING = new Color(0xE2D8EA);
    static final Color PLACE_TEXT = new Color(0x24262B);
    static final Color PLACE_DOT = new Color(0x4A4D55);
    static final Color SECONDARY_TEXT = new Color(0x5E6470);
    static final Color REGION_TEXT = new Color(0x7A6790);
    static final Color COUNTRY_TEXT = new Color(0x4F3F63);
    static final Color HALO = new Color(255, 255, 255, 225);

    /** The colours of one map style; the light one is the constants above. */
    record Palette(Color ocean, Color land, Color urban, Color waterLine, Color coast, Color admin1, Color admin0,
            Color admin0Casing, Color placeText, Color placeDot, Color secondaryText, Color regionText, Color countryText,
            Color halo) {
    }

    static final Palette LIGHT = new Palette(OCEAN, LAND, URBAN, WATER_LINE, COAST, ADMIN1, ADMIN0, ADMIN0_CASING,
            PLACE_TEXT, PLACE_DOT, SECONDARY_TEXT, REGION_TEXT, COUNTRY_TEXT, HALO);
    /** Dark: low-luminance land and water close to the window's dark chrome, light text on a dark halo. */
    static final Palette DARK = new Palette(new Color(0x17222E), new Color(0x23262B), new Color(0x33353B),
            new Color(0x3D6687), new Color(0x456A88), new Color(0x6D6180), new Color(0x9D8BB6), new Color(0x3A3347),
            new Color(0xE6E8EE), new Color(0xC9CDD6), new Color(0xA3A9B6), new Color(0xB3A4CB), new Color(0xD3C7E6),
            new Color(18, 20, 24, 225));

    static Palette of(org.groundtruth.map.MapStyle style) {
        return style == org.groundtruth.map.MapStyle.DARK ? DARK : LIGHT;
    }

    private BasemapStyle() {
    }

    static BasicStroke riverStroke(int zoom, int rank) {
        float width = zoom < 5 ? 0.5f : zoom < 8 ? 0.9f : zoom < 11 ? 1.3f : 1.8f;
        return round(rank <= 4 ? width + 0.5f : width);
    }

    static BasicStroke coastStroke(int zoom) {
        return round(zoom < 6 ? 0.6f : zoom < 10 ? 0.8f : 1.0f);
    }

    static BasicStroke admin1Stroke(int zoom) {
        float width = zoom < 7 ? 0.6f : zoom < 10 ? 0.9f : 1.2f;
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                zoom >= 7 ? new float[] {5f, 3f} : null, 0f);
    }

    static BasicStroke admin0Stroke(int zoom) {
        return round(zoom < 4 ? 0.8f : zoom < 7 ? 1.3f : 1.8f);
    }

    static BasicStroke admin0Casing(int zoom) {
        return round(zoom < 4 ? 2.5f : zoom < 7 ? 4f : 6f);
    }

    static Font placeFont(int zoom, int rank) {
        int size = zoom < 6 ? 11 : zoom < 10 ? 12 : 13;
        return new Font(Font.SANS_SERIF, rank <= 2 ? Font.BOLD : Font.PLAIN, rank <= 1 ? size + 1 : size);
    }

    static Font secondaryFont(int zoom) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, zoom < 10 ? 10 : 11);
    }

    static Font regionFont(int zoom) {
        return new Font(Font.SANS_SERIF, Font.ITALIC, zoom < 7 ? 10 : 12);
    }

    static Font countryFont(int zoom, int rank) {
        int size = zoom < 3 ? 10 : zoom < 5 ? 12 : 14;
        return new Font(Font.SANS_SERIF, Font.BOLD, rank == 0 ? size + 1 : size);
    }

    private static BasicStroke round(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
