package org.groundtruth.ui.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.Parent;

/**
 * The evidence panel's stylesheet, kept with the panel (a data URI, so it needs no resource file). It builds on
 * the AtlantaFX theme's looked-up colours, so light and dark themes both work.
 */
final class EvidenceStyles {
    private static final String CSS = """
            .evidence-pane { -fx-background-color: -color-bg-default; }
            .evidence-title { -fx-padding: 6 10 6 10; -fx-font-weight: bold; -fx-background-color: -color-bg-subtle;
                -fx-border-color: transparent transparent -color-border-default transparent; }
            .evidence-viewer { -fx-background-color: #111418; }
            .evidence-placeholder { -fx-text-fill: #c9d1d9; -fx-font-size: 14px; -fx-wrap-text: true; -fx-text-alignment: center; }
            .frame-overlay { -fx-background-color: rgba(0,0,0,0.62); -fx-text-fill: white; -fx-padding: 3 8 3 8;
                -fx-font-family: monospace; -fx-font-size: 13px; -fx-background-radius: 4; }
            .player-controls, .photo-tools { -fx-padding: 5 8 5 8; -fx-spacing: 6; -fx-alignment: center-left;
                -fx-background-color: -color-bg-subtle; }
            .timecode { -fx-font-family: monospace; -fx-font-size: 13px; -fx-font-weight: bold; }
            .keyframe-strip { -fx-background-color: -color-bg-inset; -fx-padding: 4; -fx-spacing: 4; }
            .keyframe-strip-scroll { -fx-background-color: -color-bg-inset; -fx-fit-to-height: true; }
            .keyframe-tile { -fx-padding: 2; -fx-background-radius: 3; -fx-cursor: hand; -fx-alignment: center; }
            .keyframe-tile:hover { -fx-background-color: -color-accent-subtle; }
            .keyframe-tile.current { -fx-background-color: -color-accent-emphasis; }
            .keyframe-tile .label { -fx-font-size: 11px; -fx-font-family: monospace; }
            .keyframe-tile.current .label { -fx-text-fill: white; }
            .evidence-message { -fx-text-fill: -color-accent-fg; -fx-padding: 2 8 2 8; }
            .evidence-warning { -fx-text-fill: -color-warning-fg; -fx-wrap-text: true; }
            .summary-grid { -fx-hgap: 12; -fx-vgap: 3; -fx-padding: 8 10 6 10; }
            .summary-label { -fx-text-fill: -color-fg-muted; }
            .summary-value { -fx-font-family: monospace; }
            .magnifier-ring { -fx-fill: transparent; -fx-stroke: white; -fx-stroke-width: 2;
                -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.8), 6, 0.3, 0, 0); }
            .muted-note { -fx-text-fill: -color-fg-muted; -fx-font-size: 11px; }
            """;
    private static final String URI = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8));

    private EvidenceStyles() {
    }

    static void apply(Parent parent) {
        if (!parent.getStylesheets().contains(URI)) {
            parent.getStylesheets().add(URI);
        }
    }
}
