package org.groundtruth.core;

import java.util.Locale;

/** The English name of a checked field ("claimed time"), translated through the key {@code field.<name>}. */
public record FieldName(String english) {
    public FieldName {
        java.util.Objects.requireNonNull(english, "field name");
    }

    /** {@code field.} and the name in lower case with each run of other characters as one '_'. */
    public String key() {
        String k = english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return "field." + k;
    }

    @Override
    public String toString() {
        return english;
    }
}
