package org.groundtruth.ui.evidence;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The evidence panel's strings ({@link EvidenceMessages}). */
final class EvidenceText {
    private EvidenceText() {
    }

    static String t(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(EvidenceMessages.class.getName(), Locale.getDefault());
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length > 0 && text.contains(", plural,")) { // counted words follow the language's plural rules (ICU)
            return new com.ibm.icu.text.MessageFormat(text, Locale.getDefault()).format(args);
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }
}
