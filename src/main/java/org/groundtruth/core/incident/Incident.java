package org.groundtruth.core.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * One attack under investigation: the unit of work. Times are UTC. The location is the accepted geolocation
 * pin's target when there is one.
 */
public record Incident(
        String id,
        String title,
        String description,
        Optional<Instant> occurredAt,
        TimePrecision timePrecision,
        String placeName,
        String admin1,
        Optional<LatLon> location,
        TargetType targetType,
        StrikeType strikeType,
        StrikeSequence strikeSequence,
        Casualties casualties,
        VerificationStatus status,
        List<String> tags,
        Sensitivity sensitivity) {

    public static final String ID_PREFIX = "inc";

    public Incident {
        Ids.require(id, ID_PREFIX, "incident id");
        title = Require.nonBlank(title, "title", 300);
        description = Require.text(description, "description", 100_000);
        DateRange.require(occurredAt, "occurred at");
        Require.present(timePrecision, "time precision");
        placeName = Require.text(placeName, "place name", 300).strip();
        admin1 = Require.text(admin1, "admin-1 region", 200).strip();
        Require.present(location, "location");
        Require.present(targetType, "target type");
        Require.present(strikeType, "strike type");
        Require.present(strikeSequence, "strike sequence");
        Require.present(casualties, "casualties");
        Require.present(status, "status");
        tags = Tags.normalise(Require.present(tags, "tags"));
        Require.present(sensitivity, "sensitivity");
        if (occurredAt.isEmpty() && timePrecision != TimePrecision.UNKNOWN) {
            timePrecision = TimePrecision.UNKNOWN;
        }
    }

    /** A new incident with only a title; everything else unknown. */
    public static Incident titled(String title) {
        return new Incident(Ids.next(ID_PREFIX), title, "", Optional.empty(), TimePrecision.UNKNOWN, "", "",
                Optional.empty(), TargetType.OTHER, StrikeType.UNKNOWN, StrikeSequence.UNKNOWN, Casualties.NONE,
                VerificationStatus.UNVERIFIED, List.of(), Sensitivity.PUBLIC);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Edits produce a new, re-validated record. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private Optional<Instant> occurredAt;
        private TimePrecision timePrecision;
        private String placeName;
        private String admin1;
        private Optional<LatLon> location;
        private TargetType targetType;
        private StrikeType strikeType;
        private StrikeSequence strikeSequence;
        private Casualties casualties;
        private VerificationStatus status;
        private List<String> tags;
        private Sensitivity sensitivity;

        private Builder(Incident from) {
            id = from.id;
            title = from.title;
            description = from.description;
            occurredAt = from.occurredAt;
            timePrecision = from.timePrecision;
            placeName = from.placeName;
            admin1 = from.admin1;
            location = from.location;
            targetType = from.targetType;
            strikeType = from.strikeType;
            strikeSequence = from.strikeSequence;
            casualties = from.casualties;
            status = from.status;
            tags = from.tags;
            sensitivity = from.sensitivity;
        }

        public Builder title(String value) { title = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder occurredAt(Optional<Instant> value) { occurredAt = value; return this; }
        public Builder timePrecision(TimePrecision value) { timePrecision = value; return this; }
        public Builder placeName(String value) { placeName = value; return this; }
        public Builder admin1(String value) { admin1 = value; return this; }
        public Builder location(Optional<LatLon> value) { location = value; return this; }
        public Builder targetType(TargetType value) { targetType = value; return this; }
        public Builder strikeType(StrikeType value) { strikeType = value; return this; }
        public Builder strikeSequence(StrikeSequence value) { strikeSequence = value; return this; }
        public Builder casualties(Casualties value) { casualties = value; return this; }
        public Builder status(VerificationStatus value) { status = value; return this; }
        public Builder tags(List<String> value) { tags = value; return this; }
        public Builder sensitivity(Sensitivity value) { sensitivity = value; return this; }

        public Incident build() {
            return new Incident(id, title, description, occurredAt, timePrecision, placeName, admin1, location,
                    targetType, strikeType, strikeSequence, casualties, status, tags, sensitivity);
        }
    }
}
