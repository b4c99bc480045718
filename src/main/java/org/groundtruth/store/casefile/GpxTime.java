package org.groundtruth.store.casefile;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.DateRange;

/**
 * A GPX {@code <time>} (xsd:dateTime; without an offset, UTC). One that does not parse, or lies outside
 * {@link DateRange}, is an error naming the file and line: a waypoint silently losing its time would be a
 * wrong answer with no error.
 */
final class GpxTime {
    private GpxTime() {
    }

    /** The time as an ISO-8601 instant string, for the feature's properties. */
    static String check(String text, String document, int line) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                throw new BadInputException(document + " line " + line + ": GPX time '" + shorten(text)
                        + "' is not a date-time (e.g. 2025-07-03T10:00:00Z)");
            }
        }
        if (!DateRange.contains(instant)) {
            throw new BadInputException(document + " line " + line + ": GPX time " + instant
                    + " is outside the accepted dates " + DateRange.FIRST_DAY + " … " + DateRange.LAST_DAY);
        }
        return instant.toString();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
