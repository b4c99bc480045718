package org.groundtruth.ui.common;

/**
 * Why a moment of a flight has no camera footprint, in the reader's language: core states it in English (it has no
 * message keys), and these are the reasons it gives for a missing value; anything else (a geometric reason from the
 * footprint calculator) is shown as core wrote it.
 */
public final class FootprintNotes {
    private static final String UNKNOWN_FOV = "field of view unknown for ";

    private FootprintNotes() {
    }

    public static String text(String note) {
        return switch (note) {
            case "no camera yaw in this sample" -> I18n.t("flight.note.noYaw");
            case "no camera pitch in this sample" -> I18n.t("flight.note.noPitch");
            case "no height above take-off in this sample" -> I18n.t("flight.note.noHeight");
            case UNKNOWN_FOV + "this camera" -> I18n.t("flight.note.noFovCamera");
            default -> note.startsWith(UNKNOWN_FOV) ? I18n.t("flight.note.noFov", note.substring(UNKNOWN_FOV.length()))
                    : note;
        };
    }

    /** The track's source as the media reader names it; "container location" is words, the others are format names. */
    public static String source(String format) {
        return format.equals("container location") ? I18n.t("flight.source.container") : format;
    }
}
