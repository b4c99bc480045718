package org.groundtruth.core;

import java.util.Objects;

/** Argument checks for value types: each failure names the field, so a bad input gives a clear message. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** Text of at most {@code maxLength} characters, with control characters removed (see {@link TextInput}). */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        value = TextInput.clean(value);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static String nonBlank(String value, String field, int maxLength) {
        value = text(value, field, maxLength);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    public static double finiteInRange(double value, double min, double max, String field) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
        return value;
    }
}
