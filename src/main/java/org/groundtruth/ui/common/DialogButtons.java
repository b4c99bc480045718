package org.groundtruth.ui.common;

import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

/**
 * The standard dialog buttons in the window's language. JavaFX's own {@code ButtonType.OK} and friends take their
 * text from JavaFX's bundles, which have no Ukrainian; these keep the same {@link ButtonData}, so placement, default
 * and cancel behaviour stay. A new instance each call: the language can change while the window is open.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    public static ButtonType ok() {
        return new ButtonType(I18n.t("button.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel() {
        return new ButtonType(I18n.t("button.cancel"), ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close() {
        return new ButtonType(I18n.t("button.close"), ButtonData.CANCEL_CLOSE);
    }

    /** Whether the answer was the affirmative button (OK, or a button of the dialog's own with OK_DONE). */
    public static boolean confirms(ButtonType answer) {
        return answer != null && answer.getButtonData() == ButtonData.OK_DONE;
    }
}
