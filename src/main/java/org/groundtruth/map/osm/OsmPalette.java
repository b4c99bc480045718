package org.groundtruth.map.osm;

import java.awt.Color;
import org.groundtruth.map.MapStyle;

/** Colours of the street map drawn from an imported extract, light and dark. */
record OsmPalette(Color background, Color farmland, Color residential, Color industrial, Color green, Color forest,
        Color water, Color building, Color buildingEdge, Color treeRow, Color rail, Color power, Color roadCasing,
        Color[] roads, Color text, Color halo, Color poiText) {

    static OsmPalette of(MapStyle style) {
        return style == MapStyle.DARK
                ? new OsmPalette(new Color(0x1E2126), new Color(0x2A2E25), new Color(0x2B2D33), new Color(0x33303A),
                        new Color(0x243526), new Color(0x1F3A27), new Color(0x1D3B53), new Color(0x46474F),
                        new Color(0x5C5E68), new Color(0x2F5A3A), new Color(0xB0B4BE), new Color(0x9C8FB0),
                        new Color(0x101114), new Color[] {new Color(0xC98A4B), new Color(0xC09A55), new Color(0xB8A060),
                            new Color(0xA59C78), new Color(0x8E8E8E), new Color(0x7A7C84), new Color(0x64666E),
                            new Color(0x8A7560)},
                        new Color(0xE6E8EE), new Color(20, 22, 26, 220), new Color(0xC0C4CC))
                : new OsmPalette(new Color(0xF4F1EA), new Color(0xEEF0D5), new Color(0xE8E4E0), new Color(0xE6DCE6),
                        new Color(0xD3EDC4), new Color(0xB5D6A0), new Color(0xAAD3EF), new Color(0xD9D0C7),
                        new Color(0xBFB3A6), new Color(0x8DBF7A), new Color(0x6E6E76), new Color(0x8A7A9E),
                        new Color(0xA69C92), new Color[] {new Color(0xE892A2), new Color(0xF9B29C), new Color(0xFCD6A4),
                            new Color(0xF7FABF), new Color(0xFFFFFF), new Color(0xFFFFFF), new Color(0xFFFFFF),
                            new Color(0xFA8072)},
                        new Color(0x25272C), new Color(255, 255, 255, 225), new Color(0x5A4A40));
    }
}
