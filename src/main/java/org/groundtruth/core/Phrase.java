package org.groundtruth.core;

/** A fixed phrase inside a check's message (key {@code validation.*}), said in the same language as the message. */
public record Phrase(String key) {
    public Phrase {
        java.util.Objects.requireNonNull(key, "phrase key");
    }
}
