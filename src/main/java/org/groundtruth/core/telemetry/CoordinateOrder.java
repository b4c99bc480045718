package org.groundtruth.core.telemetry;

import java.util.Locale;
import java.util.Optional;

/** The order of the two numbers in an old DJI {@code GPS(a,b,alt)} line. */
public enum CoordinateOrder {
    LON_LAT, LAT_LON;

    /** {@code lon-lat} or {@code lat-lon} (the command-line spelling). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CoordinateOrder> parse(String text) {
        for (CoordinateOrder order : values()) {
            if (order.code().equalsIgnoreCase(text.strip()) || order.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    public double latitude(double first, double second) {
        return this == LON_LAT ? second : first;
    }

    public double longitude(double first, double second) {
        return this == LON_LAT ? first : second;
    }
}
