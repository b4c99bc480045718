package org.groundtruth.ui.verify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.core.verify.SunAngles;
import org.groundtruth.core.verify.SunCalculator;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.verify.VerificationViewModel.ShadowLine;

/**
 * The sun check (chronolocation): the sun at the incident's place for a claimed time, the times a shadow bearing
 * fits, the verdict, the shadow drawn on the map, and the saved checks.
 */
public final class SunViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentSnapshotLoader loader;
    private final StringProperty sunResult = new SimpleStringProperty("");
    private Consumer<Optional<ShadowLine>> shadowDrawer = line -> { };

    SunViewModel(IncidentSnapshotLoader loader) {
        this.loader = loader;
        loader.incidentProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                sunResult.set("");
                shadowDrawer.accept(Optional.empty());
            }
        });
    }

    /** The sun at the incident's location for a claimed time (UTC); with a shadow bearing, the matching times. */
    public Optional<Chronolocation> computeSun(String claimedTime, String shadowBearing) {
        try {
            Incident current = Optional.ofNullable(loader.incidentProperty().get()).orElseThrow(
                    () -> new BadInputException(I18n.t("verify.noIncident")));
            LatLon place = current.location().orElseThrow(() -> new BadInputException(I18n.t("sun.noLocation")));
            Instant claimed = parseTime(claimedTime);
            SunAngles sun = SunCalculator.at(place, claimed);
            Optional<Double> bearing = shadowBearing == null || shadowBearing.isBlank() ? Optional.empty()
                    : Optional.of(VerifyInputs.number(shadowBearing, "sun.shadowBearing"));
            List<TimeWindow> windows = bearing.map(b -> SunCalculator.shadowWindows(place,
                    claimed.atOffset(ZoneOffset.UTC).toLocalDate(), b, 5)).orElse(List.of());
            Chronolocation check = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), current.id(), claimed,
                    sun.azimuthDegrees(), sun.altitudeDegrees(), bearing, windows, "", loader.session().analyst(),
                    Instant.now());
            sunResult.set(describe(sun, windows) + ShadowVerdict.of(check)
                    .map(v -> "\n" + SunVerdictText.sentence(v)).orElse(""));
            // 150 m is readable at street zoom; the direction, not the length, is what is compared with imagery.
            shadowDrawer.accept(sun.isUp() ? Optional.of(new ShadowLine(place, org.groundtruth.core.geo.Geodesy
                    .destination(place, sun.shadowBearingDegrees(), 150), I18n.t("sun.mapLabel",
                    String.format(java.util.Locale.ROOT, "%.0f", sun.shadowBearingDegrees())))) : Optional.empty());
            return Optional.of(check);
        } catch (IllegalArgumentException e) {
            sunResult.set(Errors.message(e));
            return Optional.empty();
        }
    }

    public void saveSun(String claimedTime, String shadowBearing, String note) {
        computeSun(claimedTime, shadowBearing).ifPresent(c -> {
            Chronolocation withNote = new Chronolocation(c.id(), c.incidentId(), c.claimedAt(), c.sunAzimuthDegrees(),
                    c.sunAltitudeDegrees(), c.shadowBearingDegrees(), c.matchingWindows(), note, c.analyst(),
                    c.createdAt());
            loader.change(I18n.t("task.sun"), inv -> {
                inv.verification().addChronolocation(withNote, loader.session().analyst(), note);
                return inv.incidents().get(c.incidentId());
            });
        });
    }

    static String describe(SunAngles sun, List<TimeWindow> windows) {
        StringBuilder text = new StringBuilder(I18n.t("sun.result", String.format(java.util.Locale.ROOT, "%.2f",
                sun.azimuthDegrees()), String.format(java.util.Locale.ROOT, "%.2f", sun.altitudeDegrees()),
                String.format(java.util.Locale.ROOT, "%.1f", sun.shadowBearingDegrees())));
        if (sun.isUp()) {
            text.append(' ').append(I18n.t("sun.length", String.format(java.util.Locale.ROOT, "%.2f",
                    sun.shadowLengthPerMetre())));
        } else {
            text.append(' ').append(I18n.t("sun.down"));
        }
        for (TimeWindow w : windows) {
            text.append('\n').append(I18n.t("sun.window", TIME.format(w.from().atOffset(ZoneOffset.UTC)),
                    TIME.format(w.to().atOffset(ZoneOffset.UTC))));
        }
        return text.toString();
    }

    /** The incident's claimed time as the default for the sun tool. */
    public String defaultClaimedTime() {
        return Optional.ofNullable(loader.incidentProperty().get()).flatMap(Incident::occurredAt)
                .map(t -> TIME.format(t.atOffset(ZoneOffset.UTC))).orElse("");
    }

    private static Instant parseTime(String text) {
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInputException(I18n.t("form.error.time", text));
        }
    }

    /** Where the sun tool draws the expected shadow direction (the window connects its map here). */
    public void setShadowDrawer(Consumer<Optional<ShadowLine>> drawer) {
        shadowDrawer = drawer;
    }

    public StringProperty sunResultProperty() { return sunResult; }
    public ObservableList<Chronolocation> chronolocations() { return loader.chronolocations(); }
}
