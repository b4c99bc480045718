package org.groundtruth.core.geo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;

/**
 * Reads a position in whatever form an investigator pastes it: decimal degrees with signs or hemisphere
 * letters, degrees-minutes-seconds, MGRS, UTM, Google Maps / OpenStreetMap links and {@code geo:} URIs.
 * Every failure is a {@link BadInputException} whose message says what is wrong with the text.
 */
public final class CoordinateParser {
    private static final Pattern GOOGLE_AT = Pattern.compile("/@(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern QUERY_PAIR = Pattern.compile(
            "[?&](?:q|query|ll|center|destination)=(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern OSM_HASH = Pattern.compile("#map=\\d+(?:\\.\\d+)?/(-?\\d+(?:\\.\\d+)?)/(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern OSM_MARKER = Pattern.compile("[?&]mlat=(-?\\d+(?:\\.\\d+)?)&mlon=(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern GEO_URI = Pattern.compile("^geo:(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)(?:[,;?].*)?$");
    private static final Pattern MGRS = Pattern.compile("^(\\d{1,2})\\s*([C-HJ-NP-X])\\s*([A-HJ-NP-Z]{2})\\s*(\\d+)\\s*(\\d*)$");
    private static final Pattern UTM = Pattern.compile(
            "^(\\d{1,2})\\s*([C-HJ-NP-X])\\s+(\\d{1,7}(?:\\.\\d+)?)\\s*(?:ME|E)?\\s*[, ]\\s*(\\d{1,8}(?:\\.\\d+)?)\\s*(?:MN|N)?$");

    /** Hemisphere letters before each coordinate (N46.6 E32.6) or after it (46.6N 32.6E), never mixed in one pair. */
    private static final Pattern PAIR_LETTERS_AFTER = pair("()", "([NSEW])?");
    private static final Pattern PAIR_LETTERS_BEFORE = pair("([NSEW])?", "()");

    /** One coordinate: degrees with integer minutes and optional seconds, or decimal degrees. */
    private static String component(String letterBefore, String letterAfter) {
        return letterBefore + "\\s*([+-])?\\s*(?:"
                + "(\\d{1,3})\\s*(?:°|:|\\s)\\s*(\\d{1,2}(?:\\.\\d+)?)\\s*(?:'|:|\\s)?\\s*(?:(\\d{1,2}(?:\\.\\d+)?)\\s*\"?)?"
                + "|(\\d{1,3}(?:\\.\\d+)?)\\s*°?)\\s*" + letterAfter;
    }

    private static Pattern pair(String letterBefore, String letterAfter) {
        String component = component(letterBefore, letterAfter);
        return Pattern.compile("^" + component + "\\s*[,;/]?\\s*" + component + "$");
    }

    private CoordinateParser() {
    }

    /** @throws BadInputException naming what is wrong with {@code text} */
    public static LatLon parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("No coordinates given");
        }
        String trimmed = text.strip();
        if (trimmed.length() > 2000) {
            throw new BadInputException("Coordinates text is too long (" + trimmed.length() + " characters)");
        }
        if (looksLikeLink(trimmed)) {
            return fromLink(trimmed);
        }
        String normalized = normalize(trimmed);
        Matcher mgrs = MGRS.matcher(normalized);
        if (mgrs.matches()) {
            return GridReferences.fromMgrs(normalized);
        }
        Matcher utm = UTM.matcher(normalized);
        if (utm.matches()) {
            return GridReferences.fromUtm(Integer.parseInt(utm.group(1)), utm.group(2).charAt(0),
                    Double.parseDouble(utm.group(3)), Double.parseDouble(utm.group(4)));
        }
        for (Pattern pattern : new Pattern[] {PAIR_LETTERS_AFTER, PAIR_LETTERS_BEFORE}) {
            Matcher pair = pattern.matcher(normalized);
            if (pair.matches()) {
                return fromPair(pair, trimmed);
            }
        }
        throw new BadInputException("Cannot read coordinates from \"" + abbreviate(trimmed)
                + "\": expected e.g. 46.6354, 32.6169 or 46°38'07.4\"N 32°37'00.8\"E or an MGRS/UTM reference or a map link");
    }

    private static boolean looksLikeLink(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("geo:")
                || lower.startsWith("www.") || lower.startsWith("maps.") || lower.contains("google.") || lower.contains("openstreetmap.");
    }

    private static LatLon fromLink(String link) {
        String decoded = URLDecoder.decode(link.replace("+", "%2B"), StandardCharsets.UTF_8);
        for (Pattern pattern : new Pattern[] {GEO_URI, OSM_MARKER, OSM_HASH, GOOGLE_AT, QUERY_PAIR}) {
            Matcher matcher = pattern.matcher(decoded);
            if (matcher.find()) {
                return checked(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), link);
            }
        }
        throw new BadInputException("The link \"" + abbreviate(link)
                + "\" holds no coordinates (expected /@lat,lon, ?q=lat,lon, #map=zoom/lat/lon or geo:lat,lon)");
    }

    private static LatLon fromPair(Matcher pair, String original) {
        Component first = Component.of(pair, 1, original);
        Component second = Component.of(pair, 8, original);
        if (first.axis() == Axis.UNKNOWN && second.axis() == Axis.UNKNOWN) {
            if (Math.abs(first.value()) > 90 && Math.abs(second.value()) <= 90) {
                throw new BadInputException("Latitude " + first.value() + " is out of range (-90..90) in \""
                        + abbreviate(original) + "\"; if this is longitude, latitude order, add N/S and E/W");
            }
            return checked(first.value(), second.value(), original);
        }
        if (first.axis() == second.axis()) {
            throw new BadInputException("Both coordinates in \"" + abbreviate(original) + "\" are "
                    + (first.axis() == Axis.LATITUDE ? "latitudes (N/S)" : "longitudes (E/W)"));
        }
        boolean firstIsLatitude = first.axis() == Axis.LATITUDE || second.axis() == Axis.LONGITUDE;
        return firstIsLatitude ? checked(first.value(), second.value(), original)
                : checked(second.value(), first.value(), original);
    }

    private static LatLon checked(double lat, double lon, String original) {
        if (Math.abs(lat) > 90) {
            throw new BadInputException("Latitude " + lat + " is out of range (-90..90) in \"" + abbreviate(original) + "\"");
        }
        if (Math.abs(lon) > 180) {
            throw new BadInputException("Longitude " + lon + " is out of range (-180..180) in \"" + abbreviate(original) + "\"");
        }
        return new LatLon(lat, lon);
    }

    /** Upper case, typographic primes and degree look-alikes folded to ASCII, decimal commas inside numbers kept apart. */
    private static String normalize(String text) {
        return text.toUpperCase(Locale.ROOT)
                .replace('º', '°').replace('˚', '°')
                .replace("′′", "\"").replace("''", "\"").replace("’’", "\"")
                .replace('′', '\'').replace('’', '\'').replace('‘', '\'').replace('´', '\'')
                .replace('″', '"').replace('”', '"').replace('“', '"')
                .replace('−', '-').replace('\u00A0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private enum Axis { LATITUDE, LONGITUDE, UNKNOWN }

    private record Component(double value, Axis axis) {
        static Component of(Matcher m, int group, String original) {
            String before = m.group(group);
            String sign = m.group(group + 1);
            String after = m.group(group + 6);
            String hemisphere = before != null && !before.isEmpty() ? before
                    : after != null && !after.isEmpty() ? after : null;
            double magnitude;
            if (m.group(group + 5) != null) {
                magnitude = Double.parseDouble(m.group(group + 5));
            } else {
                double minutes = Double.parseDouble(m.group(group + 3));
                double seconds = m.group(group + 4) == null ? 0 : Double.parseDouble(m.group(group + 4));
                if (minutes >= 60 || seconds >= 60) {
                    throw new BadInputException("Minutes and seconds must be below 60 in \"" + abbreviate(original) + "\"");
                }
                if (seconds > 0 && minutes != Math.floor(minutes)) {
                    throw new BadInputException("Decimal minutes followed by seconds in \"" + abbreviate(original) + "\"");
                }
                magnitude = Integer.parseInt(m.group(group + 2)) + minutes / 60 + seconds / 3600;
            }
            if (hemisphere == null) {
                return new Component("-".equals(sign) ? -magnitude : magnitude, Axis.UNKNOWN);
            }
            if (sign != null) {
                throw new BadInputException("A coordinate has both a sign and a hemisphere letter in \"" + abbreviate(original) + "\"");
            }
            boolean negative = hemisphere.equals("S") || hemisphere.equals("W");
            Axis axis = hemisphere.equals("N") || hemisphere.equals("S") ? Axis.LATITUDE : Axis.LONGITUDE;
            return new Component(negative ? -magnitude : magnitude, axis);
        }
    }
}
