package org.groundtruth.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.Times;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import picocli.CommandLine.Option;

/** The incident fields settable from {@code incident add} and {@code incident edit}; unset options change nothing. */
final class IncidentFieldOptions {
    @Option(names = "--title", paramLabel = "TEXT") String title;
    @Option(names = "--description", paramLabel = "TEXT") String description;
    @Option(names = "--occurred-at", paramLabel = "ISO-8601", description = "UTC unless an offset is given; '' clears it.") String occurredAt;
    @Option(names = "--time-precision", paramLabel = "P", description = "minute, hour, day, month, unknown") String timePrecision;
    @Option(names = "--place", paramLabel = "TEXT") String place;
    @Option(names = "--admin1", paramLabel = "REGION") String admin1;
    @Option(names = "--lat", paramLabel = "DEGREES") Double lat;
    @Option(names = "--lon", paramLabel = "DEGREES") Double lon;
    @Option(names = "--target-type", paramLabel = "T") String targetType;
    @Option(names = "--strike-type", paramLabel = "T") String strikeType;
    @Option(names = "--strike-sequence", paramLabel = "S") String strikeSequence;
    @Option(names = "--killed-responders", paramLabel = "N") Integer killedResponders;
    @Option(names = "--injured-responders", paramLabel = "N") Integer injuredResponders;
    @Option(names = "--killed-civilians", paramLabel = "N") Integer killedCivilians;
    @Option(names = "--injured-civilians", paramLabel = "N") Integer injuredCivilians;
    @Option(names = "--tags", paramLabel = "A,B", description = "Comma-separated; replaces the tags.") String tags;
    @Option(names = "--sensitivity", paramLabel = "S", description = "public, sensitive, restricted") String sensitivity;

    /** Applies the given options to {@code incident}, validating each. */
    Incident applyTo(Incident incident) {
        Incident.Builder b = incident.toBuilder();
        if (title != null) {
            b.title(title);
        }
        if (description != null) {
            b.description(description);
        }
        if (occurredAt != null) {
            b.occurredAt(occurredAt.isBlank() ? Optional.empty()
                    : Optional.of(Times.parseInstant(occurredAt, "--occurred-at")));
            if (timePrecision == null && !occurredAt.isBlank() && incident.timePrecision() == TimePrecision.UNKNOWN) {
                b.timePrecision(occurredAt.strip().length() <= 10 ? TimePrecision.DAY : TimePrecision.MINUTE);
            }
        }
        if (timePrecision != null) {
            b.timePrecision(Coded.parse(TimePrecision.class, timePrecision, "--time-precision"));
        }
        if (place != null) {
            b.placeName(place);
        }
        if (admin1 != null) {
            b.admin1(admin1);
        }
        if ((lat == null) != (lon == null)) {
            throw new BadInputException("--lat and --lon go together");
        }
        if (lat != null) {
            b.location(Optional.of(new LatLon(lat, lon)));
        }
        if (targetType != null) {
            b.targetType(Coded.parse(TargetType.class, targetType, "--target-type"));
        }
        if (strikeType != null) {
            b.strikeType(Coded.parse(StrikeType.class, strikeType, "--strike-type"));
        }
        if (strikeSequence != null) {
            b.strikeSequence(Coded.parse(StrikeSequence.class, strikeSequence, "--strike-sequence"));
        }
        Casualties c = incident.casualties();
        b.casualties(new Casualties(or(killedResponders, c.killedResponders()), or(injuredResponders,
                c.injuredResponders()), or(killedCivilians, c.killedCivilians()), or(injuredCivilians,
                c.injuredCivilians())));
        if (tags != null) {
            b.tags(Arrays.stream(tags.split(",")).map(String::strip).toList());
        }
        if (sensitivity != null) {
            b.sensitivity(Coded.parse(Sensitivity.class, sensitivity, "--sensitivity"));
        }
        return b.build();
    }

    private static int or(Integer given, int current) {
        return given == null ? current : given;
    }

}
