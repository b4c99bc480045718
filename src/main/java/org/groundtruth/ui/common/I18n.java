package org.groundtruth.ui.common;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.groundtruth.core.Coded;

/** The window's strings, from {@code i18n/messages*.properties}. */
public final class I18n {
    private static Locale locale = Locale.getDefault();
    private static ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);

    private I18n() {
    }

    public static void use(Locale chosen) {
        bundle = ResourceBundle.getBundle("i18n.messages", chosen);
        locale = chosen;
    }

    /** The language the window was asked to speak (what reports it writes are to be in). */
    public static Locale locale() {
        return locale;
    }

    /** True when the window speaks Ukrainian (place and region names may then be shown in Ukrainian too). */
    public static boolean isUkrainian() {
        return "uk".equals(bundle.getLocale().getLanguage());
    }

    public static String t(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // ICU's MessageFormat: {n, plural, one{…} few{…} many{…} other{…}} with each language's own plural rules
        // (Ukrainian has four forms); otherwise the same syntax as java.text.MessageFormat.
        return args.length == 0 ? text : new com.ibm.icu.text.MessageFormat(text, textLocale()).format(args);
    }

    /** The language of the texts found: the base file (Locale.ROOT to the bundle) is English. */
    private static Locale textLocale() {
        Locale found = bundle.getLocale();
        return found.getLanguage().isEmpty() ? Locale.ENGLISH : found;
    }

    /** The text of {@code key}, or {@code fallback} when the key is not in the window's language. */
    public static String tOr(String key, String fallback) {
        return bundle.containsKey(key) ? t(key) : fallback;
    }

    /** The display name of a vocabulary value: key {@code <EnumName>.<code>}. */
    public static String label(Coded value) {
        return t(((Enum<?>) value).getDeclaringClass().getSimpleName() + "." + value.code());
    }
}
