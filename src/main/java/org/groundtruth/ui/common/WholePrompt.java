package org.groundtruth.ui.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * An empty field's prompt is all it says about itself: the field is never narrower than its prompt (in the language
 * and font in use, and when the prompt changes), and never narrower than {@code floor} pixels either.
 */
public final class WholePrompt {
    private WholePrompt() {
    }

    public static void keep(TextField field, double floor) {
        field.minWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(floor, width(field)),
                field.promptTextProperty(), field.fontProperty(), field.insetsProperty()));
    }

    /** The width that shows {@code field}'s whole prompt, with its padding and border. */
    static double width(TextField field) {
        String prompt = field.getPromptText();
        if (prompt == null || prompt.isEmpty()) {
            return 0;
        }
        Text measure = new Text(prompt);
        measure.setFont(field.getFont());
        return Math.ceil(measure.getLayoutBounds().getWidth() + field.getInsets().getLeft() + field.getInsets().getRight()) + 2;
    }
}
