package org.groundtruth.cli;

import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Coded;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.verify.NormalizedBox;

/** Option values the verification commands share; each error names the option. */
final class Options {
    private Options() {
    }

    static LatLon coordinates(String text, String option) {
        try {
            return CoordinateParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /** {@code X,Y,W,H} as fractions of the frame (0..1). */
    static NormalizedBox box(String text, String option) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new BadInputException(option + " '" + text + "' is not X,Y,W,H (fractions of the frame, 0..1)");
        }
        try {
            return new NormalizedBox(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Vocabulary names are kebab-case on the command line ({@code dsns-emblem}); snake_case is accepted too. */
    static <E extends Enum<E> & Coded> E vocabulary(Class<E> type, String text, String option) {
        try {
            return Coded.parse(type, text, option);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage().replace('_', '-'), e);
        }
    }

    static String kebab(Coded value) {
        return value.code().replace('_', '-');
    }
}
