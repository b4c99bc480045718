package org.groundtruth.core;

/**
 * Text typed or imported into a field: control characters other than tab and newline (NUL, escape sequences
 * that repaint a terminal, carriage returns, DEL, C1 controls) are removed, so they reach neither the database
 * nor a terminal, a CSV or a report. Linear in the length; the same string is returned when it is clean.
 */
public final class TextInput {
    private TextInput() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRemoved(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRemoved(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isRemoved(char c) {
        return c != '\t' && c != '\n' && Character.getType(c) == Character.CONTROL;
    }
}
