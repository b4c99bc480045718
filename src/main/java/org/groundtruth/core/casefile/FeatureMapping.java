package org.groundtruth.core.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.Coded;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;

/**
 * Maps an imported feature's attributes onto incident fields where the names match (case-insensitive; the
 * snake_case names Groundtruth exports, plus the usual {@code name}, {@code desc}, {@code time}). Values that do
 * not parse fall back to "unknown" rather than refusing the file: an imported point is a lead to verify, so
 * the status always starts as unverified.
 */
public final class FeatureMapping {
    /** Precision given to a pin whose file says nothing about it: a conservative kilometre. */
    public static final double DEFAULT_PRECISION_METERS = 1000;

    private FeatureMapping() {
    }

    /** The new incident (with a fresh id, no location yet: the pin sets it) and the pin's precision in metres. */
    public record Mapped(Incident incident, double precisionMeters, Optional<String> originalId) {
    }

    public static Mapped map(ImportedFeature feature, String fallbackTitle) {
        Map<String, String> p = feature.properties();
        String title = first(p, "title", "name").filter(t -> !t.isBlank()).orElse(fallbackTitle);
        if (title.strip().length() > 300) {
            title = title.strip().substring(0, 300);
        }
        Optional<Instant> occurred = occurredAt(p);
        Incident incident = Incident.titled(title).toBuilder()
                .description(limit(first(p, "description", "desc").orElse(""), 100_000))
                .occurredAt(occurred)
                .timePrecision(occurred.isEmpty() ? TimePrecision.UNKNOWN
                        : code(TimePrecision.class, first(p, "time_precision"), TimePrecision.UNKNOWN))
                .placeName(limit(first(p, "place_name", "place").orElse(""), 300))
                .admin1(limit(first(p, "admin1").orElse(""), 200))
                .targetType(code(TargetType.class, first(p, "target_type"), TargetType.OTHER))
                .strikeType(code(StrikeType.class, first(p, "strike_type"), StrikeType.UNKNOWN))
                .strikeSequence(code(StrikeSequence.class, first(p, "strike_sequence"), StrikeSequence.UNKNOWN))
                .casualties(new Casualties(count(p, "killed_responders"), count(p, "injured_responders"),
                        count(p, "killed_civilians"), count(p, "injured_civilians")))
                .tags(tags(first(p, "tags").orElse("")))
                .sensitivity(code(Sensitivity.class, first(p, "sensitivity"), Sensitivity.PUBLIC))
                .build();
        double precision = first(p, "precision_m").flatMap(FeatureMapping::number)
                .filter(m -> m >= 0.1 && m <= 1_000_000).orElse(DEFAULT_PRECISION_METERS);
        return new Mapped(incident, precision, first(p, "id").filter(s -> !s.isBlank()));
    }

    static Optional<String> first(Map<String, String> properties, String... names) {
        for (String name : names) {
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (e.getKey().strip().equalsIgnoreCase(name) && e.getValue() != null) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, Optional<String> value, E fallback) {
        try {
            return value.filter(v -> !v.isBlank()).map(v -> Coded.parse(type, v, "value")).orElse(fallback);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int count(Map<String, String> p, String name) {
        return first(p, name).flatMap(FeatureMapping::number).filter(n -> n >= 0 && n < 1e6)
                .map(Double::intValue).orElse(0);
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The feature's time. A value that is not a date is no time (a lead to check), but a date outside
     * {@link DateRange} is refused, naming the attribute: it would otherwise be stored and break later commands.
     */
    private static Optional<Instant> occurredAt(Map<String, String> p) {
        for (String name : List.of("occurred_at", "time", "timestamp", "when", "date")) {
            Optional<String> value = first(p, name);
            if (value.isPresent()) {
                Optional<Instant> parsed = instant(value.get());
                parsed.ifPresent(i -> DateRange.require(i, name));
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** ISO-8601 instants, offset date-times, or plain dates (taken as midnight UTC). */
    static Optional<Instant> instant(String text) {
        String t = text.strip();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Tags as a JSON-ish list ("[a, b]") or separated by ';' or ','. */
    static List<String> tags(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).replace("\"", "");
        }
        return Arrays.stream(t.split(t.contains(";") ? ";" : ",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> limit(s, 100)).toList();
    }

    private static String limit(String text, int max) {
        String s = text.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
