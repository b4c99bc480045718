package org.groundtruth.core.casefile;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.groundtruth.core.Coded;

/**
 * The report's headings and labels in English or Ukrainian, from {@code i18n/report*.properties}; vocabulary
 * values use the window's translated labels ({@code i18n/messages*.properties}, key {@code <EnumName>.<code>}).
 * Bundles are loaded without falling back to the JVM's default locale, so an English report on a Ukrainian
 * system is English.
 */
public final class ReportText {
    public static final List<String> LANGUAGES = List.of("en", "uk");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle report;
    private final ResourceBundle vocabulary;

    private ReportText(Locale locale) {
        this.locale = locale;
        this.report = ResourceBundle.getBundle("i18n.report", locale, NO_FALLBACK);
        this.vocabulary = ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK);
    }

    /** Ukrainian for a Ukrainian locale, English for anything else. */
    public static ReportText of(Locale requested) {
        boolean ukrainian = "uk".equals(requested.getLanguage());
        return new ReportText(ukrainian ? Locale.forLanguageTag("uk") : Locale.ENGLISH);
    }

    /** {@code en} or {@code uk}, for {@code <html lang>}. */
    public String languageTag() {
        return locale.getLanguage();
    }

    public String t(String key, Object... args) {
        String text;
        try {
            text = report.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /** The translated label of a vocabulary value, or its code when there is none. */
    public String label(Coded value) {
        String key = ((Enum<?>) value).getDeclaringClass().getSimpleName() + "." + value.code();
        try {
            return vocabulary.getString(key);
        } catch (MissingResourceException e) {
            return value.code();
        }
    }
}
