package org.groundtruth.media;

/** Turns library exceptions into short, non-technical reasons for one-line messages. */
final class MediaErrors {
    private MediaErrors() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse(message.strip());
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
