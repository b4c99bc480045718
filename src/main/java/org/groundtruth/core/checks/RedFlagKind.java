package org.groundtruth.core.checks;

import java.util.Locale;
import org.groundtruth.core.Coded;

/**
 * What kind of contradiction a check found between an incident's claim and its evidence. Written in kebab case on
 * the command line and in JSON ({@code location-mismatch}). {@link #blocking()} kinds must be explained before the
 * incident can be proposed as verified; {@code metadata-stripped} is information, not suspicion.
 */
public enum RedFlagKind implements Coded {
    LOCATION_MISMATCH, TIME_MISMATCH, POSTED_BEFORE_CAPTURE, NIGHT_AT_CLAIMED_TIME, METADATA_CONFLICT,
    DUPLICATE_ELSEWHERE, METADATA_STRIPPED;

    public String kebab() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean blocking() {
        return this != METADATA_STRIPPED;
    }
}
