package org.groundtruth.map;

import java.util.Locale;

/** The light or dark variant of the street maps, following the window's theme; {@code map render --style}. */
public enum MapStyle {
    LIGHT, DARK;

    public static MapStyle parse(String text) {
        for (MapStyle style : values()) {
            if (style.name().equalsIgnoreCase(text.trim())) {
                return style;
            }
        }
        throw new org.groundtruth.core.BadInputException("style must be light or dark, was \"" + text + "\"");
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
