package org.groundtruth.core.analysis;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.incident.Incident;

/**
 * What incidents are counted by. Keys: month {@code YYYY-MM} (UTC), admin-1 region name as recorded, and the
 * vocabulary codes of target type, strike type and status. An incident with no time has no month and one
 * with a blank region has no region: those are skipped and counted, never guessed.
 */
public enum StatsDimension {
    MONTH("month"), ADMIN1("admin1"), TARGET_TYPE("target-type"), STRIKE_TYPE("strike-type"), STATUS("status");

    private static final DateTimeFormatter MONTH_KEY = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final String option;

    StatsDimension(String option) {
        this.option = option;
    }

    /** The spelling on the command line ({@code target-type}). */
    public String option() {
        return option;
    }

    public Optional<String> keyOf(Incident incident) {
        return switch (this) {
            case MONTH -> incident.occurredAt().map(MONTH_KEY::format);
            case ADMIN1 -> Optional.of(incident.admin1()).filter(a -> !a.isBlank());
            case TARGET_TYPE -> Optional.of(incident.targetType().code());
            case STRIKE_TYPE -> Optional.of(incident.strikeType().code());
            case STATUS -> Optional.of(incident.status().code());
        };
    }

    /** Parses {@code month|admin1|target-type|strike-type|status} (underscores accepted too). */
    public static StatsDimension parse(String text, String input) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (StatsDimension d : values()) {
            if (d.option.equals(wanted)) {
                return d;
            }
        }
        throw new BadInputException(input + " '" + text + "' is not one of: "
                + Arrays.stream(values()).map(StatsDimension::option).collect(Collectors.joining(", ")));
    }
}
