package org.groundtruth.core.telemetry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;

/**
 * Decides whether old DJI {@code GPS(a,b,alt)} lines are longitude-first (most consumer models) or latitude-first
 * (some enterprise models), by reasoning from the evidence rather than one fixed rule. The rules, first that
 * decides wins:
 * <ol>
 * <li>{@code override}: the investigator said so (recorded in the custody log by the caller);</li>
 * <li>{@code value-range}: a value beyond ±90 can only be a longitude;</li>
 * <li>{@code container-gps}: the video container's own position lies near one reading and far from the other;</li>
 * <li>{@code model}: the camera model is one known to write latitude first;</li>
 * <li>{@code settlements}: the take-off point (HOME line, else the first fix) lies near a settlement in one
 * reading and far from any in the other (a pilot stands on land, near people);</li>
 * <li>{@code default}: longitude first, as most DJI models write it — flagged as undecided.</li>
 * </ol>
 */
public final class CoordinateOrderResolver {
    /** A reading must be this many times nearer to the container position or a settlement to decide. */
    static final double CLEAR_RATIO = 10;
    /** Model names (case-insensitive substrings) of DJI cameras known to write {@code GPS(lat,lon,alt)}. */
    static final List<String> LATITUDE_FIRST_MODELS = List.of("enterprise", "m2ea", "m2ed", "matrice", "zenmuse",
            "xt2", "h20", "m30", "m300", "m210");

    private final SettlementDistance settlements;

    public CoordinateOrderResolver(SettlementDistance settlements) {
        this.settlements = settlements;
    }

    public OrderDecision decide(OrderEvidence evidence) {
        if (evidence.override().isPresent()) {
            CoordinateOrder order = evidence.override().get();
            OrderDecision reasoned = decide(new OrderEvidence(evidence.gpsPairs(), evidence.homePairs(),
                    evidence.model(), evidence.containerPosition(), Optional.empty()));
            return new OrderDecision(order, "override", "set by the investigator: " + order.code()
                    + "; without the override: " + reasoned.order().code() + " (" + reasoned.rule() + ")");
        }
        Optional<OrderDecision> byRange = byValueRange(evidence);
        if (byRange.isPresent()) {
            return byRange.get();
        }
        Optional<double[]> first = evidence.gpsPairs().stream().findFirst();
        if (first.isPresent() && evidence.containerPosition().isPresent()) {
            Optional<OrderDecision> byContainer = byReference(first.get(), evidence.containerPosition().get());
            if (byContainer.isPresent()) {
                return byContainer.get();
            }
        }
        if (evidence.model().isPresent()) {
            String model = evidence.model().get().toLowerCase(Locale.ROOT);
            for (String known : LATITUDE_FIRST_MODELS) {
                if (model.contains(known)) {
                    return new OrderDecision(CoordinateOrder.LAT_LON, "model",
                            "model '" + evidence.model().get() + "' is a DJI model that writes latitude first");
                }
            }
        }
        Optional<double[]> takeOff = evidence.homePairs().stream().findFirst().or(() -> first);
        if (takeOff.isPresent()) {
            Optional<OrderDecision> bySettlements = bySettlements(takeOff.get(), !evidence.homePairs().isEmpty());
            if (bySettlements.isPresent()) {
                return bySettlements.get();
            }
        }
        return new OrderDecision(CoordinateOrder.LON_LAT, "default",
                "nothing in the file decides; longitude first, as most DJI models write it — check on the map");
    }

    private static Optional<OrderDecision> byValueRange(OrderEvidence evidence) {
        for (List<double[]> pairs : List.of(evidence.gpsPairs(), evidence.homePairs())) {
            for (double[] pair : pairs) {
                if (Math.abs(pair[0]) > 90 && Math.abs(pair[1]) <= 90) {
                    return Optional.of(new OrderDecision(CoordinateOrder.LON_LAT, "value-range",
                            String.format(Locale.ROOT, "the first value %s is beyond ±90, so it is a longitude",
                                    trim(pair[0]))));
                }
                if (Math.abs(pair[1]) > 90 && Math.abs(pair[0]) <= 90) {
                    return Optional.of(new OrderDecision(CoordinateOrder.LAT_LON, "value-range",
                            String.format(Locale.ROOT, "the second value %s is beyond ±90, so it is a longitude",
                                    trim(pair[1]))));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<OrderDecision> byReference(double[] pair, LatLon reference) {
        double lonLat = distance(CoordinateOrder.LON_LAT, pair, reference);
        double latLon = distance(CoordinateOrder.LAT_LON, pair, reference);
        if (lonLat * CLEAR_RATIO < latLon) {
            return Optional.of(new OrderDecision(CoordinateOrder.LON_LAT, "container-gps", String.format(Locale.ROOT,
                    "the video's own GPS is %.0f m from the longitude-first reading and %.0f m from the other",
                    lonLat, latLon)));
        }
        if (latLon * CLEAR_RATIO < lonLat) {
            return Optional.of(new OrderDecision(CoordinateOrder.LAT_LON, "container-gps", String.format(Locale.ROOT,
                    "the video's own GPS is %.0f m from the latitude-first reading and %.0f m from the other",
                    latLon, lonLat)));
        }
        return Optional.empty();
    }

    private Optional<OrderDecision> bySettlements(double[] pair, boolean home) {
        Optional<Double> lonLat = point(CoordinateOrder.LON_LAT, pair).flatMap(settlements::nearestMetres);
        Optional<Double> latLon = point(CoordinateOrder.LAT_LON, pair).flatMap(settlements::nearestMetres);
        String what = home ? "the HOME (take-off) point" : "the first fix";
        double a = lonLat.orElse(Double.POSITIVE_INFINITY);
        double b = latLon.orElse(Double.POSITIVE_INFINITY);
        if (lonLat.isPresent() && a * CLEAR_RATIO < b) {
            return Optional.of(new OrderDecision(CoordinateOrder.LON_LAT, "settlements", String.format(Locale.ROOT,
                    "%s read longitude first is %.1f km from a settlement; read latitude first, %s", what,
                    a / 1000, far(b))));
        }
        if (latLon.isPresent() && b * CLEAR_RATIO < a) {
            return Optional.of(new OrderDecision(CoordinateOrder.LAT_LON, "settlements", String.format(Locale.ROOT,
                    "%s read latitude first is %.1f km from a settlement; read longitude first, %s", what,
                    b / 1000, far(a))));
        }
        return Optional.empty();
    }

    private static String far(double metres) {
        return Double.isInfinite(metres) ? "no settlement is near"
                : String.format(Locale.ROOT, "%.1f km", metres / 1000);
    }

    private static double distance(CoordinateOrder order, double[] pair, LatLon reference) {
        return point(order, pair).map(p -> Geodesy.measure(p, reference).distanceMeters())
                .orElse(Double.POSITIVE_INFINITY);
    }

    static Optional<LatLon> point(CoordinateOrder order, double[] pair) {
        double lat = order.latitude(pair[0], pair[1]);
        double lon = order.longitude(pair[0], pair[1]);
        if (!Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return Optional.empty();
        }
        return Optional.of(new LatLon(lat, lon));
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
