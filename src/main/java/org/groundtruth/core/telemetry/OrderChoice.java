package org.groundtruth.core.telemetry;

import java.util.Locale;
import java.util.Optional;

/**
 * What the investigator chose for the order of old DJI {@code GPS(a,b)} lines: let the reasoning decide
 * ({@code auto}), or override it with latitude first ({@code lat-lon}) or longitude first ({@code lon-lat}). The
 * same codes are used by {@code telemetry --order} and stored in the custody log by the window.
 */
public enum OrderChoice {
    AUTO, LAT_LON, LON_LAT;

    /** {@code auto}, {@code lat-lon} or {@code lon-lat}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The override this choice gives the resolver: none for {@code auto}. */
    public Optional<CoordinateOrder> override() {
        return switch (this) {
            case AUTO -> Optional.empty();
            case LAT_LON -> Optional.of(CoordinateOrder.LAT_LON);
            case LON_LAT -> Optional.of(CoordinateOrder.LON_LAT);
        };
    }

    public static OrderChoice of(Optional<CoordinateOrder> override) {
        return override.map(o -> o == CoordinateOrder.LAT_LON ? LAT_LON : LON_LAT).orElse(AUTO);
    }

    /** Parses a code ({@code auto}, {@code lat-lon}, {@code lon-lat}; case and {@code _} ignored). */
    public static Optional<OrderChoice> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (OrderChoice choice : values()) {
            if (choice.code().equals(wanted)) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
