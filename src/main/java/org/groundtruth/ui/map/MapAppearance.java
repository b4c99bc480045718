package org.groundtruth.ui.map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.groundtruth.map.MapStyle;

/**
 * The map style that follows the window's theme: the application sets it with the theme (light or dark), and every
 * map view model binds to it, so the basemap, the added offline maps and the map's overlays turn dark with the chrome.
 * FX thread only, like the theme itself.
 */
public final class MapAppearance {
    private static final ObjectProperty<MapStyle> STYLE = new SimpleObjectProperty<>(MapStyle.LIGHT);

    private MapAppearance() {
    }

    public static ObjectProperty<MapStyle> style() {
        return STYLE;
    }

    /** Called with the window's theme. */
    public static void use(boolean dark) {
        STYLE.set(dark ? MapStyle.DARK : MapStyle.LIGHT);
    }
}
