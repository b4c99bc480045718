package org.groundtruth.core.geo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.InvalidInput;

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

    private CoordinateParser() {
    }

    /** @throws BadInputException naming what is wrong with {@code text} */
    public static LatLon parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("validation.noCoordinates");
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
            if (!mgrs.group(5).isEmpty() && mgrs.group(4).length() != mgrs.group(5).length()) {
                throw new BadInputException("MGRS reference \"" + abbreviate(trimmed) + "\" has an easting of "
                        + mgrs.group(4).length() + " digits and a northing of " + mgrs.group(5).length()
                        + "; both must have the same number of digits (e.g. 36T VS 70677 64720)");
            }
            return GridReferences.fromMgrs(normalized);
        }
        Matcher utm = UTM.matcher(normalized);
        if (utm.matches()) {
            return GridReferences.fromUtm(Integer.parseInt(utm.group(1)), utm.group(2).charAt(0),
                    Double.parseDouble(utm.group(3)), Double.parseDouble(utm.group(4)));
        }
        return PlainCoordinates.read(normalized, trimmed);
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
                return PlainCoordinates.checked(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)), link);
            }
        }
        throw new InvalidInput("validation.linkWithoutCoordinates", abbreviate(link));
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
}
