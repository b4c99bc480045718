package org.groundtruth.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The window's one icon set (Material Design Icons through Ikonli), named by what the action does, so the same
 * action shows the same picture in a menu, a tool bar and a dialog. Each call gives a fresh node: a node has one
 * parent.
 */
public enum Icon {
    // investigation and files
    NEW_INVESTIGATION(MaterialDesignF.FOLDER_PLUS_OUTLINE),
    OPEN_INVESTIGATION(MaterialDesignF.FOLDER_OPEN_OUTLINE),
    DEMO(MaterialDesignF.FOLDER_STAR_OUTLINE),
    FOLDER(MaterialDesignF.FOLDER_OUTLINE),
    IMPORT_EVIDENCE(MaterialDesignF.FILE_IMPORT_OUTLINE),
    IMPORT_FEATURES(MaterialDesignM.MAP_MARKER_MULTIPLE_OUTLINE),
    EXPORT_CASE(MaterialDesignP.PACKAGE_DOWN),
    OPEN_CASE(MaterialDesignF.FILE_CHECK_OUTLINE),
    QUIT(MaterialDesignE.EXIT_TO_APP),
    // editing and help
    NEW_INCIDENT(MaterialDesignP.PLUS_BOX_OUTLINE),
    ANALYST(MaterialDesignA.ACCOUNT_EDIT_OUTLINE),
    SETTINGS(MaterialDesignC.COG_OUTLINE),
    SHORTCUTS(MaterialDesignK.KEYBOARD_OUTLINE),
    WORKFLOW(MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE),
    ABOUT(MaterialDesignI.INFORMATION_OUTLINE),
    SAVE(MaterialDesignC.CONTENT_SAVE_OUTLINE),
    CANCEL(MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
    REFRESH(MaterialDesignR.REFRESH),
    SEARCH(MaterialDesignM.MAGNIFY),
    COPY(MaterialDesignC.CONTENT_COPY),
    // tabs
    MAP(MaterialDesignM.MAP_OUTLINE),
    EVIDENCE_VIEWER(MaterialDesignF.FILE_EYE_OUTLINE),
    ANALYSIS(MaterialDesignC.CHART_BAR),
    DETAILS(MaterialDesignT.TEXT_BOX_OUTLINE),
    SOURCES(MaterialDesignM.MESSAGE_TEXT_OUTLINE),
    VERIFICATION(MaterialDesignS.SHIELD_CHECK_OUTLINE),
    HISTORY(MaterialDesignH.HISTORY),
    METADATA(MaterialDesignT.TAG_OUTLINE),
    DUPLICATES(MaterialDesignI.IMAGE_MULTIPLE_OUTLINE),
    // verification
    CHANGE_STATUS(MaterialDesignT.TRANSFER_RIGHT),
    APPROVE(MaterialDesignT.THUMB_UP_OUTLINE),
    REJECT(MaterialDesignT.THUMB_DOWN_OUTLINE),
    ADD_PIN(MaterialDesignM.MAP_MARKER_PLUS_OUTLINE),
    ACCEPT_PIN(MaterialDesignM.MAP_MARKER_CHECK_OUTLINE),
    PICK_ON_MAP(MaterialDesignC.CROSSHAIRS_GPS),
    DRAW_BOX(MaterialDesignS.SELECTION_DRAG),
    INSIGNIA(MaterialDesignS.SHIELD_SEARCH),
    LINK(MaterialDesignL.LINK_VARIANT_PLUS),
    COMPARE(MaterialDesignC.COMPARE),
    SUN(MaterialDesignW.WEATHER_SUNNY),
    // map
    MEASURE(MaterialDesignR.RULER),
    ZOOM_TO_SELECTION(MaterialDesignM.MAGNIFY_SCAN),
    ZOOM_IN(MaterialDesignM.MAGNIFY_PLUS_OUTLINE),
    ZOOM_OUT(MaterialDesignM.MAGNIFY_MINUS_OUTLINE),
    LAYERS(MaterialDesignL.LAYERS_OUTLINE),
    ADD_IMAGERY_FILE(MaterialDesignI.IMAGE_PLUS),
    ADD_ONLINE_LAYER(MaterialDesignE.EARTH_PLUS),
    SAVE_AREA(MaterialDesignD.DOWNLOAD_OUTLINE),
    // analysis
    EXPORT_PNG(MaterialDesignF.FILE_IMAGE_OUTLINE),
    EXPORT_SVG(MaterialDesignS.SVG),
    CONFIRM(MaterialDesignC.CHECK_CIRCLE_OUTLINE),
    DISMISS(MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
    // evidence viewer
    FIT(MaterialDesignF.FIT_TO_PAGE_OUTLINE),
    ROTATE_LEFT(MaterialDesignR.ROTATE_LEFT),
    ROTATE_RIGHT(MaterialDesignR.ROTATE_RIGHT),
    FLIP_HORIZONTAL(MaterialDesignF.FLIP_HORIZONTAL),
    FLIP_VERTICAL(MaterialDesignF.FLIP_VERTICAL),
    MAGNIFIER(MaterialDesignM.MAGNIFY),
    RESET_VIEW(MaterialDesignB.BACKUP_RESTORE),
    STEP_BACK(MaterialDesignS.STEP_BACKWARD),
    PLAY(MaterialDesignP.PLAY),
    PAUSE(MaterialDesignP.PAUSE),
    STEP_FORWARD(MaterialDesignS.STEP_FORWARD),
    SAVE_FRAME(MaterialDesignC.CONTENT_SAVE),
    SUGGEST_PIN(MaterialDesignM.MAP_MARKER_PLUS);

    /** Buttons, menu items and tabs: the size of the 13 px text beside them. */
    public static final int SIZE = 16;
    /** A dialog's header graphic. */
    public static final int HEADER_SIZE = 32;

    private final Ikon ikon;

    Icon(Ikon ikon) {
        this.ikon = ikon;
    }

    public Ikon ikon() {
        return ikon;
    }

    /** A new icon node at {@link #SIZE}. */
    public FontIcon graphic() {
        return FontIcon.of(ikon, SIZE);
    }

    /**
     * A new icon node at {@link #HEADER_SIZE}, for a dialog's header. The style class carries the size too
     * (groundtruth.css), as the theme's rule for every icon would otherwise shrink it.
     */
    public FontIcon header() {
        FontIcon icon = FontIcon.of(ikon, HEADER_SIZE);
        icon.getStyleClass().add("header-icon");
        return icon;
    }
}
