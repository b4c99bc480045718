package org.groundtruth.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Times;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import picocli.CommandLine.Option;

/** The incident filter of {@code stats} and {@code double-taps}. */
final class PatternFilterOptions {
    @Option(names = "--status", paramLabel = "S", split = ",", description = "Only these statuses (e.g. verified).")
    List<String> statuses = List.of();

    @Option(names = "--target-type", paramLabel = "T", split = ",", description = "Only these target types.")
    List<String> targetTypes = List.of();

    @Option(names = "--strike-type", paramLabel = "T", split = ",", description = "Only these strike types.")
    List<String> strikeTypes = List.of();

    @Option(names = "--tag", paramLabel = "TAG", split = ",", description = "Only incidents with any of these tags.")
    List<String> tags = List.of();

    @Option(names = "--from", paramLabel = "DATE", description = "Occurred at or after this date or date-time (UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "Occurred up to this date (inclusive) or before this date-time (UTC).")
    String to;

    IncidentFilter toFilter() {
        return new IncidentFilter(Optional.ofNullable(from).map(f -> Times.parseInstant(f, "--from")),
                Optional.ofNullable(to).map(PatternFilterOptions::until),
                parse(statuses, VerificationStatus.class, "--status"), parse(targetTypes, TargetType.class, "--target-type"),
                parse(strikeTypes, StrikeType.class, "--strike-type"), Set.copyOf(tags));
    }

    /** A bare date includes that whole day (people write --to 2025-07-31 meaning July); a date-time is exclusive. */
    private static Instant until(String text) {
        try {
            return org.groundtruth.core.DateRange.requireDate(LocalDate.parse(text.strip()), "--to").plusDays(1)
                    .atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return Times.parseInstant(text, "--to");
        }
    }

    private static <E extends Enum<E> & Coded> Set<E> parse(List<String> codes, Class<E> type, String option) {
        return codes.stream().map(code -> Coded.parse(type, code, option)).collect(Collectors.toSet());
    }
}
