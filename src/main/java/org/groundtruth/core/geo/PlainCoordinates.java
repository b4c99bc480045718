package org.groundtruth.core.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Phrase;

/**
 * Reads a latitude/longitude pair written as numbers (decimal degrees, degrees and minutes, degrees minutes
 * seconds, with signs or hemisphere letters) without ever guessing. Every way the text can be read is tried —
 * each split into two coordinates, each coordinate as D, D M or D M S, a comma between digits as a separator
 * and as a decimal comma — and the text is accepted only when exactly one reading is a valid position. One
 * number, one coordinate, several readings or none are each an error that lists the accepted forms.
 */
final class PlainCoordinates {
    private static final Phrase FORMS = new Phrase("validation.acceptedForms");

    private enum Form { D, DM, DMS }

    private enum Axis { LATITUDE, LONGITUDE, UNKNOWN }

    /** Between two coordinates: a comma, semicolon or slash, white space, or nothing only after a symbol or letter or before a sign. */
    private static final String SEPARATOR = "(?:\\s*[,;/]\\s*|\\s+|(?<=[^\\d.])|(?=[+-]))";
    private static final Pattern DIGIT_COMMA_DIGIT = Pattern.compile("(?<=\\d),(?=\\d)");
    private static final List<Shape> PAIRS = new ArrayList<>();
    private static final List<Shape> SINGLES = new ArrayList<>();

    static {
        for (boolean lettersAfter : new boolean[] {true, false}) {
            for (Form first : Form.values()) {
                SINGLES.add(new Shape(Pattern.compile("^" + component(first, 1, lettersAfter) + "$"), first, first));
                for (Form second : Form.values()) {
                    PAIRS.add(new Shape(Pattern.compile("^" + component(first, 1, lettersAfter) + SEPARATOR
                            + component(second, 2, lettersAfter) + "$"), first, second));
                }
            }
        }
    }

    /** A pattern for one or two coordinates and the form of each. */
    private record Shape(Pattern pattern, Form first, Form second) {
        Form form(int i) {
            return i == 1 ? first : second;
        }
    }

    private PlainCoordinates() {
    }

    /** One coordinate in one form; groups are named by the coordinate's index so the pair pattern can read both. */
    private static String component(Form form, int i, boolean letterAfter) {
        String letter = "(?<h" + i + ">[NSEW])?";
        String number = switch (form) {
            case D -> "(?<d" + i + ">\\d{1,3}(?:\\.\\d+)?)\\s*°?";
            case DM -> "(?<d" + i + ">\\d{1,3})\\s*(?:°|:|\\s)\\s*(?<m" + i + ">\\d{1,2}(?:\\.\\d+)?)\\s*'?";
            case DMS -> "(?<d" + i + ">\\d{1,3})\\s*(?:°|:|\\s)\\s*(?<m" + i + ">\\d{1,2})\\s*(?:'|:|\\s)\\s*(?<s" + i
                    + ">\\d{1,2}(?:\\.\\d+)?)\\s*\"?";
        };
        String signed = "\\s*(?<sign" + i + ">[+-])?\\s*" + number + "\\s*";
        return letterAfter ? signed + letter : letter + signed;
    }

    /** @param normalized upper case, ASCII primes; {@code original} is quoted in messages */
    static LatLon read(String normalized, String original) {
        Readings readings = new Readings();
        readings.collect(normalized, original, "");
        if (DIGIT_COMMA_DIGIT.matcher(normalized).find()) {
            readings.collect(DIGIT_COMMA_DIGIT.matcher(normalized).replaceAll("."), original, " (comma read as a decimal point)");
        }
        String quoted = "\"" + CoordinateParser.abbreviate(original) + "\"";
        int count = readings.pairs.size() + readings.singles.size();
        if (count == 1 && readings.pairs.size() == 1) {
            return readings.pairs.values().iterator().next();
        }
        if (count > 1) {
            List<String> all = new ArrayList<>(readings.pairs.keySet());
            all.addAll(readings.singles);
            throw new InvalidInput("validation.coordinatesAmbiguous", quoted, String.join(" | ", all), FORMS);
        }
        if (count == 1) {
            throw new InvalidInput("validation.coordinatesOneNumber", quoted, FORMS);
        }
        if (readings.firstError.isPresent()) {
            throw readings.firstError.get();
        }
        throw new InvalidInput("validation.coordinatesUnreadable", quoted, FORMS);
    }

    private static final class Readings {
        final Map<String, LatLon> pairs = new LinkedHashMap<>();
        final List<String> singles = new ArrayList<>();
        Optional<BadInputException> firstError = Optional.empty();

        void collect(String text, String original, String note) {
            for (Shape shape : PAIRS) {
                Matcher m = shape.pattern().matcher(text);
                if (m.matches()) {
                    try {
                        LatLon p = pair(m, shape, original);
                        pairs.putIfAbsent(String.format(Locale.ROOT, "latitude %.6f, longitude %.6f", p.lat(), p.lon()) + note, p);
                    } catch (BadInputException e) {
                        firstError = firstError.or(() -> Optional.of(e));
                    }
                }
            }
            for (Shape shape : SINGLES) {
                Matcher m = shape.pattern().matcher(text);
                if (m.matches()) {
                    try {
                        Component c = Component.of(m, shape.first(), 1, original);
                        if (Math.abs(c.value()) <= 180) {
                            String single = String.format(Locale.ROOT, "the single coordinate %.6f°", c.value()) + note;
                            if (!singles.contains(single)) {
                                singles.add(single);
                            }
                        }
                    } catch (BadInputException e) {
                        // not a valid single coordinate: that reading does not exist
                    }
                }
            }
        }
    }

    private static LatLon pair(Matcher m, Shape shape, String original) {
        Component first = Component.of(m, shape.first(), 1, original);
        Component second = Component.of(m, shape.second(), 2, original);
        if (first.axis() == Axis.UNKNOWN && second.axis() == Axis.UNKNOWN) {
            if (Math.abs(first.value()) > 90 && Math.abs(second.value()) <= 90) {
                throw new InvalidInput("validation.latitudeOutOfRangeSwapped", first.value(),
                        CoordinateParser.abbreviate(original));
            }
            return checked(first.value(), second.value(), original);
        }
        if (first.axis() == second.axis()) {
            throw new BadInputException("Both coordinates in \"" + CoordinateParser.abbreviate(original) + "\" are "
                    + (first.axis() == Axis.LATITUDE ? "latitudes (N/S)" : "longitudes (E/W)"));
        }
        boolean firstIsLatitude = first.axis() == Axis.LATITUDE || second.axis() == Axis.LONGITUDE;
        return firstIsLatitude ? checked(first.value(), second.value(), original)
                : checked(second.value(), first.value(), original);
    }

    static LatLon checked(double lat, double lon, String original) {
        if (Math.abs(lat) > 90) {
            throw new InvalidInput("validation.latitudeOutOfRange", lat, CoordinateParser.abbreviate(original));
        }
        if (Math.abs(lon) > 180) {
            throw new InvalidInput("validation.longitudeOutOfRange", lon, CoordinateParser.abbreviate(original));
        }
        return new LatLon(lat, lon);
    }

    private record Component(double value, Axis axis) {
        static Component of(Matcher m, Form form, int i, String original) {
            String hemisphere = m.group("h" + i);
            String sign = m.group("sign" + i);
            double magnitude;
            if (form == Form.D) {
                magnitude = Double.parseDouble(m.group("d" + i));
            } else {
                double minutes = Double.parseDouble(m.group("m" + i));
                double seconds = form == Form.DMS ? Double.parseDouble(m.group("s" + i)) : 0;
                if (minutes >= 60 || seconds >= 60) {
                    throw new InvalidInput("validation.minutesBelow60", CoordinateParser.abbreviate(original));
                }
                magnitude = Integer.parseInt(m.group("d" + i)) + minutes / 60 + seconds / 3600;
            }
            if (hemisphere == null) {
                return new Component("-".equals(sign) ? -magnitude : magnitude, Axis.UNKNOWN);
            }
            if (sign != null) {
                throw new InvalidInput("validation.signAndHemisphere", CoordinateParser.abbreviate(original));
            }
            boolean negative = hemisphere.equals("S") || hemisphere.equals("W");
            Axis axis = hemisphere.equals("N") || hemisphere.equals("S") ? Axis.LATITUDE : Axis.LONGITUDE;
            return new Component(negative ? -magnitude : magnitude, axis);
        }

    }
}
