package org.groundtruth.ui.common;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.KeyedMessage;

/** Turns a failure into the one line the user sees. */
public final class Errors {
    private Errors() {
    }

    /**
     * A check from core ({@link KeyedMessage}) is said in the window's language, also when it arrives wrapped by a
     * wrapper that adds no words of its own (a background task's {@code CompletionException}).
     */
    public static String message(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof KeyedMessage keyed) {
                return keyed.message(I18n.isUkrainian() ? Locale.forLanguageTag("uk") : Locale.ENGLISH);
            }
            boolean wrapperOnly = c.getCause() != null && c.getCause() != c && (c.getMessage() == null
                    || c.getMessage().isBlank() || c.getMessage().equals(c.getCause().toString()));
            if (!wrapperOnly) {
                break;
            }
        }
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
