package org.groundtruth.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the times users type: ISO-8601 with Z or an offset; without one, UTC; a bare date is its start, UTC. */
public final class Times {
    private Times() {
    }

    /** The instant {@code text} names, within {@link DateRange}; otherwise a {@link BadInputException} naming {@code input}. */
    public static Instant parseInstant(String text, String input) {
        return DateRange.require(parseAnyInstant(text, input), input);
    }

    private static Instant parseAnyInstant(String text, String input) {
        String t = Require.present(text, input).strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw InvalidInput.of("validation.dateTime", input, text);
                }
            }
        }
    }
}
