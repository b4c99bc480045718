package org.groundtruth.core.checks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;

/**
 * Compares an incident's claimed place and time with what each evidence item's metadata says, and items with each
 * other. Pure: the facts are gathered by the store. A local capture time without a zone is compared with
 * {@link CheckThresholds#ZONE_UNCERTAINTY} of slack, so only contradictions no time zone explains are flagged.
 */
public final class RedFlagChecker {
    /** Light value (EV at ISO 100) at or above which a picture was taken in daylight or bright twilight. */
    static final double DAYLIGHT_LV = 9;

    private final CheckThresholds thresholds;

    public RedFlagChecker(CheckThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<RedFlag> check(IncidentClaim claim, List<EvidenceFacts> evidence) {
        List<RedFlag> flags = new ArrayList<>();
        for (EvidenceFacts e : evidence) {
            location(claim, e).ifPresent(flags::add);
            time(claim, e).ifPresent(flags::add);
            postedBeforeCapture(e).ifPresent(flags::add);
            night(claim, e).ifPresent(flags::add);
            for (EvidenceFacts.Duplicate d : e.duplicatesElsewhere()) {
                flags.add(RedFlag.of(RedFlagKind.DUPLICATE_ELSEWHERE, e.evidenceId(), String.format(Locale.ROOT,
                        "%s looks like evidence %s of incident %s (perceptual hashes %d bits apart): the same"
                                + " footage may be claimed for two incidents", e.name(), d.evidenceId(),
                        d.incidentId(), d.distanceBits())));
            }
            if (e.metadataStripped()) {
                flags.add(RedFlag.of(RedFlagKind.METADATA_STRIPPED, e.evidenceId(), e.name()
                        + " has no GPS, capture time or device in its metadata: stripped, as Telegram and most"
                        + " platforms do on upload; not suspicious by itself, but nothing here confirms the claim"));
            }
        }
        flags.addAll(conflicts(evidence));
        return flags;
    }

    private Optional<RedFlag> location(IncidentClaim claim, EvidenceFacts e) {
        if (claim.location().isEmpty() || e.gps().isEmpty()) {
            return Optional.empty();
        }
        double d = Geodesy.measure(claim.location().get(), e.gps().get()).distanceMeters();
        if (d <= thresholds.distanceMeters()) {
            return Optional.empty();
        }
        return Optional.of(new RedFlag(RedFlagKind.LOCATION_MISMATCH, e.evidenceId(), String.format(Locale.ROOT,
                "%s was taken at %s (%s), %s from the incident's location", e.name(), e.gps().get(), e.gpsSource(),
                distance(d)), Optional.of(Math.round(d * 10) / 10.0), Optional.empty()));
    }

    private Optional<RedFlag> time(IncidentClaim claim, EvidenceFacts e) {
        if (claim.occurredAt().isEmpty()) {
            return Optional.empty();
        }
        Instant claimed = claim.occurredAt().get();
        Duration allowed = thresholds.allowed(claim.timePrecision());
        long difference;
        String captured;
        if (e.captureUtc().isPresent()) {
            difference = e.captureUtc().get().getEpochSecond() - claimed.getEpochSecond();
            captured = e.captureUtc().get() + " (UTC)";
        } else if (e.captureLocal().isPresent()) {
            difference = e.captureLocal().get().toEpochSecond(ZoneOffset.UTC) - claimed.getEpochSecond();
            allowed = allowed.plus(CheckThresholds.ZONE_UNCERTAINTY);
            captured = e.captureLocal().get() + " (device clock, zone unknown)";
        } else {
            return Optional.empty();
        }
        if (Math.abs(difference) <= allowed.getSeconds()) {
            return Optional.empty();
        }
        return Optional.of(new RedFlag(RedFlagKind.TIME_MISMATCH, e.evidenceId(), String.format(Locale.ROOT,
                "%s was captured %s, %s %s the claimed time %s", e.name(), captured, duration(Math.abs(difference)),
                difference > 0 ? "after" : "before", claimed), Optional.empty(), Optional.of(difference)));
    }

    private static Optional<RedFlag> postedBeforeCapture(EvidenceFacts e) {
        if (e.postedAt().isEmpty()) {
            return Optional.empty();
        }
        long posted = e.postedAt().get().getEpochSecond();
        long captured;
        long slack = 0;
        if (e.captureUtc().isPresent()) {
            captured = e.captureUtc().get().getEpochSecond();
        } else if (e.captureLocal().isPresent()) {
            captured = e.captureLocal().get().toEpochSecond(ZoneOffset.UTC);
            slack = CheckThresholds.ZONE_UNCERTAINTY.getSeconds();
        } else {
            return Optional.empty();
        }
        long after = captured - posted;
        if (after <= slack) {
            return Optional.empty();
        }
        return Optional.of(new RedFlag(RedFlagKind.POSTED_BEFORE_CAPTURE, e.evidenceId(), String.format(Locale.ROOT,
                "%s was posted at %s, %s before its metadata says it was captured", e.name(), e.postedAt().get(),
                duration(after)), Optional.empty(), Optional.of(after)));
    }

    private Optional<RedFlag> night(IncidentClaim claim, EvidenceFacts e) {
        if (!e.picture() || claim.location().isEmpty() || claim.occurredAt().isEmpty()) {
            return Optional.empty();
        }
        boolean daylightFootage = e.lightValue().map(lv -> lv >= DAYLIGHT_LV).orElse(false);
        if (!daylightFootage) {
            return Optional.empty();
        }
        SunAngles sun = SunCalculator.at(claim.location().get(), claim.occurredAt().get());
        if (sun.altitudeDegrees() >= thresholds.nightSunAltitudeDegrees()) {
            return Optional.empty();
        }
        return Optional.of(RedFlag.of(RedFlagKind.NIGHT_AT_CLAIMED_TIME, e.evidenceId(), String.format(Locale.ROOT,
                "%s was exposed for daylight (light value %.1f), but at the claimed place and time the sun is %.1f°"
                        + " below the horizon", e.name(), e.lightValue().get(), -sun.altitudeDegrees())));
    }

    /** Pairs of items whose own metadata disagree with each other (place or capture date). */
    private List<RedFlag> conflicts(List<EvidenceFacts> evidence) {
        List<RedFlag> flags = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            for (int j = i + 1; j < evidence.size(); j++) {
                EvidenceFacts a = evidence.get(i);
                EvidenceFacts b = evidence.get(j);
                if (a.gps().isPresent() && b.gps().isPresent()) {
                    double d = Geodesy.measure(a.gps().get(), b.gps().get()).distanceMeters();
                    if (d > thresholds.distanceMeters()) {
                        flags.add(new RedFlag(RedFlagKind.METADATA_CONFLICT, b.evidenceId(), String.format(Locale.ROOT,
                                "%s and %s were taken %s apart by their own GPS", a.name(), b.name(), distance(d)),
                                Optional.of(Math.round(d * 10) / 10.0), Optional.empty()));
                        continue;
                    }
                }
                Optional<Long> apart = secondsApart(a, b);
                if (apart.isPresent() && Math.abs(apart.get()) > Duration.ofDays(2).getSeconds()) {
                    flags.add(new RedFlag(RedFlagKind.METADATA_CONFLICT, b.evidenceId(), String.format(Locale.ROOT,
                            "%s and %s were captured %s apart by their own clocks", a.name(), b.name(),
                            duration(Math.abs(apart.get()))), Optional.empty(), apart));
                }
            }
        }
        return flags;
    }

    private static Optional<Long> secondsApart(EvidenceFacts a, EvidenceFacts b) {
        Optional<Long> ta = a.captureUtc().map(Instant::getEpochSecond)
                .or(() -> a.captureLocal().map(t -> t.toEpochSecond(ZoneOffset.UTC)));
        Optional<Long> tb = b.captureUtc().map(Instant::getEpochSecond)
                .or(() -> b.captureLocal().map(t -> t.toEpochSecond(ZoneOffset.UTC)));
        return ta.isPresent() && tb.isPresent() ? Optional.of(tb.get() - ta.get()) : Optional.empty();
    }

    static String distance(double metres) {
        return metres >= 10_000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000)
                : metres >= 1000 ? String.format(Locale.ROOT, "%.1f km", metres / 1000)
                : String.format(Locale.ROOT, "%.0f m", metres);
    }

    static String duration(long seconds) {
        if (seconds >= 2 * 365L * 86_400) {
            return String.format(Locale.ROOT, "%.1f years", seconds / (365.25 * 86_400));
        }
        if (seconds >= 2 * 86_400) {
            return String.format(Locale.ROOT, "%d days", seconds / 86_400);
        }
        if (seconds >= 7200) {
            return String.format(Locale.ROOT, "%.1f hours", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%d min", Math.max(1, seconds / 60));
    }

}
