package org.groundtruth.map.basemap;

/** What a basemap feature is; the ordinal is stored in the file and is also the drawing order. */
public enum BasemapLayer {
    LAND, URBAN, LAKE, RIVER, ADMIN1_LINE, ADMIN0_LINE, COAST, COUNTRY_LABEL, REGION_LABEL, PLACE_LABEL;

    public boolean isLabel() {
        return this == COUNTRY_LABEL || this == REGION_LABEL || this == PLACE_LABEL;
    }
}
