package org.groundtruth.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The dates Groundtruth accepts in every date field (command line, window, feature files, case files):
 * 1900-01-01 … 2100-12-31, UTC. Outside that a date is a typo or a forgery, and a stored year 0 or 10000 would
 * make later commands (monthly stats, exports, sorting) fail; so it is refused where it comes in, naming the field.
 */
public final class DateRange {
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    public static final Instant FIRST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    /** The last instant accepted: the end of 2100-12-31, UTC. */
    public static final Instant LAST = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);

    private DateRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    public static Instant require(Instant instant, String field) {
        Require.present(instant, field);
        if (!contains(instant)) {
            throw InvalidInput.of("validation.outsideDates", field, instant, FIRST_DAY, LAST_DAY);
        }
        return instant;
    }

    public static Optional<Instant> require(Optional<Instant> instant, String field) {
        Require.present(instant, field).ifPresent(i -> require(i, field));
        return instant;
    }

    public static LocalDate requireDate(LocalDate date, String field) {
        Require.present(date, field);
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw InvalidInput.of("validation.outsideDates", field, date, FIRST_DAY, LAST_DAY);
        }
        return date;
    }
}
