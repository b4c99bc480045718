package org.groundtruth.map.search;

import java.util.Locale;

/** What a search result is; the order is the importance among results that match equally well. */
public enum PlaceKind {
    PLACE(90), SQUARE(60), STREET(50), BUILDING(30), POI(30), ADDRESS(20);

    /** Importance when nothing better (population) is known. */
    public final int importance;

    PlaceKind(int importance) {
        this.importance = importance;
    }

    /** The JSON and display name: {@code place}, {@code street}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
