package org.groundtruth.ui.evidence;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import org.groundtruth.ui.common.Icon;

/** Icon buttons with a tooltip and an accessible name. */
final class Buttons {
    private Buttons() {
    }

    static Button icon(Icon icon, String tip, Runnable action) {
        Button button = new Button(null, icon.graphic());
        decorate(button, tip);
        button.setOnAction(e -> action.run());
        return button;
    }

    static ToggleButton toggle(Icon icon, String tip) {
        ToggleButton button = new ToggleButton(null, icon.graphic());
        decorate(button, tip);
        return button;
    }

    private static void decorate(ButtonBase button, String tip) {
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setFocusTraversable(false);
    }
}
