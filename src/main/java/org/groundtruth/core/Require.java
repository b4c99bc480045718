package org.groundtruth.core;

/**
 * Argument checks for value types: each failure names the field, so a bad input gives a clear message. Failures
 * are {@link InvalidInput} (or {@link MissingValue}) carrying a message key, so the window shows them translated.
 */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new MissingValue(field);
        }
        return value;
    }

    /** Text of at most {@code maxLength} characters, with control characters removed (see {@link TextInput}). */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        value = TextInput.clean(value);
        if (value.length() > maxLength) {
            throw InvalidInput.of("validation.tooLong", field, maxLength);
        }
        return value;
    }

    public static String nonBlank(String value, String field, int maxLength) {
        value = text(value, field, maxLength);
        if (value.isBlank()) {
            throw InvalidInput.of("validation.blank", field);
        }
        return value.strip();
    }

    public static double finiteInRange(double value, double min, double max, String field) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw InvalidInput.of("validation.range", field, min, max, value);
        }
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw InvalidInput.of("validation.negative", field, value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw InvalidInput.of("validation.negative", field, value);
        }
        return value;
    }
}
