package org.groundtruth.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of core's checks in English or Ukrainian, from {@code i18n/validation*.properties}: message patterns
 * ({@code validation.*}, java.text.MessageFormat) and field names ({@code field.*}). Loaded without falling back
 * to the JVM's default locale, so English stays English on a Ukrainian system.
 */
public final class ValidationText {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    static final ValidationText ENGLISH = new ValidationText(Locale.ROOT);
    private static final ValidationText UKRAINIAN = new ValidationText(Locale.forLanguageTag("uk"));

    private final Locale locale;
    private final ResourceBundle bundle;

    private ValidationText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.validation", locale, NO_FALLBACK);
    }

    /** Ukrainian for a Ukrainian locale, English for anything else. */
    public static ValidationText of(Locale requested) {
        return "uk".equals(requested.getLanguage()) ? UKRAINIAN : ENGLISH;
    }

    /** The pattern for {@code key} filled with {@code args}; field names are translated, other values shown as given. */
    public String format(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof FieldName f ? fieldName(f)
                    : args[i] instanceof Phrase p ? format(p.key()) : String.valueOf(args[i]);
        }
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + " " + java.util.Arrays.toString(shown);
        }
        return shown.length == 0 ? new MessageFormat(pattern, locale).format(new Object[0])
                : new MessageFormat(pattern, locale).format(shown);
    }

    /** The field's name in this language, or its English name when there is no key for it. */
    public String fieldName(FieldName field) {
        if (this == ENGLISH) {
            return field.english();
        }
        try {
            return bundle.getString(field.key());
        } catch (MissingResourceException e) {
            return field.english();
        }
    }
}
