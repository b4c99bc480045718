package org.groundtruth.ui.map;

import javafx.scene.paint.Color;
import org.groundtruth.core.verify.VerificationStatus;

/** Marker colours by verification status: distinguishable from each other and from the basemap's muted tones. */
public final class MapColors {
    public static final Color PIN = Color.web("#D6336C");
    public static final Color CAMERA = Color.web("#1F6FD1");
    public static final Color MEASURE = Color.web("#111827");
    public static final Color PLACEHOLDER = Color.web("#E6E3DC");
    public static final Color PLACEHOLDER_LINE = Color.web("#D8D4CB");
    /** The empty map in the dark style: close to the dark basemap's land, so loading tiles never flash light. */
    public static final Color PLACEHOLDER_DARK = Color.web("#23262B");
    public static final Color PLACEHOLDER_LINE_DARK = Color.web("#2E3137");

    private MapColors() {
    }

    public static Color of(VerificationStatus status) {
        return switch (status) {
            case UNVERIFIED -> Color.web("#7B8190");
            case IN_PROGRESS -> Color.web("#E09F00");
            case GEOLOCATED -> Color.web("#2F7ED8");
            case CORROBORATED -> Color.web("#13978A");
            case READY_FOR_REVIEW -> Color.web("#8E59D0");
            case VERIFIED -> Color.web("#2B9A43");
            case DISPUTED -> Color.web("#EA5B0C");
            case REJECTED -> Color.web("#A61E2D");
        };
    }
}
