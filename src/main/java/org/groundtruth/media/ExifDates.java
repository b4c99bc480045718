package org.groundtruth.media;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EXIF-style date-times ({@code 2011:01:13 14:33:39}, also with dashes or dots) as ISO-8601 local date-times. */
final class ExifDates {
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4})[:\\-.](\\d{2})[:\\-.](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");

    private ExifDates() {
    }

    static Optional<String> toIso(String text) {
        return parse(text).map(t -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    static Optional<LocalDateTime> parse(String text) {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // 0000:00:00 00:00:00 and similar placeholders mean "not set"
        }
    }
}
