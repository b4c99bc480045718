package org.groundtruth.ui.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.groundtruth.core.Require;
import org.groundtruth.map.TileSource;

/** A tile layer in the layer panel: its source, whether it is shown and how opaque. */
public final class MapLayer {
    private final TileSource source;
    private final boolean basemap;
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(1.0);

    public MapLayer(TileSource source, boolean basemap) {
        this.source = Require.present(source, "tile source");
        this.basemap = basemap;
    }

    public TileSource source() {
        return source;
    }

    public String name() {
        return source.name();
    }

    /** The offline basemap cannot be removed, only hidden. */
    public boolean isBasemap() {
        return basemap;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    @Override
    public String toString() {
        return name();
    }
}
