package org.groundtruth.core.analysis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * Which incidents a statistic or a double-tap search covers. Every part is optional: an empty set means "any".
 * Time: occurred at or after {@code from} and before {@code until} (UTC); with either bound set, incidents of
 * unknown time are outside it. Tags: the incident carries at least one of them (case-insensitive).
 */
public record IncidentFilter(Optional<Instant> from, Optional<Instant> until, Set<VerificationStatus> statuses,
        Set<TargetType> targetTypes, Set<StrikeType> strikeTypes, Set<String> tags) {

    public static final IncidentFilter ALL = new IncidentFilter(Optional.empty(), Optional.empty(), Set.of(), Set.of(),
            Set.of(), Set.of());

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public IncidentFilter {
        Require.present(from, "from");
        Require.present(until, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new IllegalArgumentException("the date range is empty: from " + from.get() + " is not before "
                    + until.get());
        }
        statuses = Set.copyOf(Require.present(statuses, "statuses"));
        targetTypes = Set.copyOf(Require.present(targetTypes, "target types"));
        strikeTypes = Set.copyOf(Require.present(strikeTypes, "strike types"));
        tags = Require.present(tags, "tags").stream().map(t -> Require.present(t, "tag").strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public IncidentFilter withFrom(Optional<Instant> value) {
        return new IncidentFilter(value, until, statuses, targetTypes, strikeTypes, tags);
    }

    public IncidentFilter withUntil(Optional<Instant> value) {
        return new IncidentFilter(from, value, statuses, targetTypes, strikeTypes, tags);
    }

    public IncidentFilter withStatuses(Set<VerificationStatus> value) {
        return new IncidentFilter(from, until, value, targetTypes, strikeTypes, tags);
    }

    public IncidentFilter withTargetTypes(Set<TargetType> value) {
        return new IncidentFilter(from, until, statuses, value, strikeTypes, tags);
    }

    public IncidentFilter withStrikeTypes(Set<StrikeType> value) {
        return new IncidentFilter(from, until, statuses, targetTypes, value, tags);
    }

    public IncidentFilter withTags(Set<String> value) {
        return new IncidentFilter(from, until, statuses, targetTypes, strikeTypes, value);
    }

    public boolean isEverything() {
        return equals(ALL);
    }

    public boolean hasTimeBounds() {
        return from.isPresent() || until.isPresent();
    }

    public boolean matches(Incident incident) {
        if (hasTimeBounds()) {
            if (incident.occurredAt().isEmpty()) {
                return false;
            }
            Instant at = incident.occurredAt().get();
            if (from.isPresent() && at.isBefore(from.get()) || until.isPresent() && !at.isBefore(until.get())) {
                return false;
            }
        }
        if (!statuses.isEmpty() && !statuses.contains(incident.status())) {
            return false;
        }
        if (!targetTypes.isEmpty() && !targetTypes.contains(incident.targetType())) {
            return false;
        }
        if (!strikeTypes.isEmpty() && !strikeTypes.contains(incident.strikeType())) {
            return false;
        }
        return tags.isEmpty() || incident.tags().stream().anyMatch(t -> tags.contains(t.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The filter in one English line with vocabulary codes ("all incidents" when there is none), so every printed
     * number can say which filter produced it. The window builds its own, translated, description.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (hasTimeBounds()) {
            parts.add("occurred " + from.map(SHORT::format).orElse("…") + " to before "
                    + until.map(SHORT::format).orElse("…") + " UTC");
        }
        if (!statuses.isEmpty()) {
            parts.add("status " + codes(statuses));
        }
        if (!targetTypes.isEmpty()) {
            parts.add("target " + codes(targetTypes));
        }
        if (!strikeTypes.isEmpty()) {
            parts.add("strike type " + codes(strikeTypes));
        }
        if (!tags.isEmpty()) {
            parts.add("tagged " + String.join(" or ", new TreeSet<>(tags)));
        }
        return parts.isEmpty() ? "all incidents" : String.join("; ", parts);
    }

    private static String codes(Set<? extends Coded> values) {
        return values.stream().map(Coded::code).sorted().collect(Collectors.joining(" or "));
    }
}
