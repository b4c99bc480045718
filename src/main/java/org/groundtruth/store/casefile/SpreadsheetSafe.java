package org.groundtruth.store.casefile;

import org.groundtruth.core.casefile.InterchangeFields;

/**
 * The usual defence against spreadsheet formula injection (CSV injection): a text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading {@code '},
 * so Excel, LibreOffice and Google Sheets show it as text instead of running it. Numbers are written as they
 * are, so a negative longitude stays a number. Reading a CSV back ({@link #unescape}) removes the mark again.
 */
final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    static String cell(Object value) {
        String text = InterchangeFields.csvText(value);
        if (value instanceof Number || !isFormulaStart(text, 0)) {
            return text;
        }
        return "'" + text;
    }

    /** The text a {@link #cell} was made from: a leading {@code '} before a formula character is dropped. */
    static String unescape(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && isFormulaStart(text, 1) ? text.substring(1) : text;
    }

    private static boolean isFormulaStart(String text, int at) {
        if (text.length() <= at) {
            return false;
        }
        char c = text.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
