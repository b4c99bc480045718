package org.groundtruth.ui.common;

import java.util.concurrent.CancellationException;
import org.groundtruth.core.BadInputException;

/** Turns a failure into the one line the user sees. */
public final class Errors {
    private Errors() {
    }

    public static String message(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof BadInputException) && !(e instanceof IllegalArgumentException)
                && (e.getMessage() == null || e.getMessage().isBlank())) {
            e = e.getCause();
        }
        if (e instanceof CancellationException) {
            return e.getMessage() == null ? I18n.t("error.cancelled") : e.getMessage();
        }
        String text = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }
}
