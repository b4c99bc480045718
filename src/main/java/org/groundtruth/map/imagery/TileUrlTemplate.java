package org.groundtruth.map.imagery;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.BadInputException;
import org.groundtruth.map.TileKey;

/**
 * A tile URL template as investigators copy them from QGIS, JOSM or a provider's page: {@code {z}}, {@code {x}},
 * {@code {y}} (XYZ, row 0 at the top), {@code {-y}} (TMS, row 0 at the bottom), {@code {q}} (Bing quadkey),
 * and {@code {s}} (subdomains a, b, c) or {@code {switch:one,two}} (the listed ones). The subdomain follows
 * from the tile, so a tile is always fetched from, and cached as, the same URL.
 */
public final class TileUrlTemplate {
    private static final Pattern SWITCH = Pattern.compile("\\{switch:([^}]*)}");
    private static final List<String> DEFAULT_SUBDOMAINS = List.of("a", "b", "c");

    private final String text;
    private final String subdomainToken;
    private final List<String> subdomains;

    private TileUrlTemplate(String text, String subdomainToken, List<String> subdomains) {
        this.text = text;
        this.subdomainToken = subdomainToken;
        this.subdomains = subdomains;
    }

    /** @throws BadInputException naming the template when it is not an http(s) URL with a column, row and zoom */
    public static TileUrlTemplate parse(String template) {
        String t = template == null ? "" : template.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) {
            throw new BadInputException("Tile URL must start with http:// or https://: \"" + t + "\"");
        }
        boolean quadkey = t.contains("{q}");
        if (!quadkey) {
            for (String placeholder : new String[] {"{z}", "{x}"}) {
                if (!t.contains(placeholder)) {
                    throw new BadInputException("Tile URL has no " + placeholder + " placeholder: \"" + t + "\"");
                }
            }
            if (!t.contains("{y}") && !t.contains("{-y}")) {
                throw new BadInputException("Tile URL has no {y} (or {-y}) placeholder: \"" + t + "\"");
            }
        }
        String token = "{s}";
        List<String> subdomains = DEFAULT_SUBDOMAINS;
        Matcher m = SWITCH.matcher(t);
        if (m.find()) {
            token = m.group();
            subdomains = List.of(m.group(1).split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (subdomains.isEmpty()) {
                throw new BadInputException("Tile URL lists no subdomains in " + token + ": \"" + t + "\"");
            }
        }
        TileUrlTemplate parsed = new TileUrlTemplate(t, token, subdomains);
        try {
            URI probe = parsed.uri(new TileKey(0, 0, 0));
            if (probe.getHost() == null) {
                throw new BadInputException("Tile URL has no host: \"" + t + "\"");
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Tile URL is not a valid URL: \"" + t + "\"");
        }
        return parsed;
    }

    /** The template as given. */
    public String text() {
        return text;
    }

    /** The host of the first subdomain: a readable name for the layer. */
    public String host() {
        return uri(new TileKey(0, 0, 0)).getHost();
    }

    public URI uri(TileKey key) {
        int rows = 1 << key.zoom();
        String url = text.replace("{z}", Integer.toString(key.zoom()))
                .replace("{x}", Integer.toString(key.x()))
                .replace("{y}", Integer.toString(key.y()))
                .replace("{-y}", Integer.toString(rows - 1 - key.y()))
                .replace("{q}", quadkey(key))
                .replace(subdomainToken, subdomains.get(Math.floorMod(key.x() + key.y(), subdomains.size())));
        return URI.create(url);
    }

    /** Bing's quadkey: one base-4 digit per zoom level, interleaving the column and row bits. */
    static String quadkey(TileKey key) {
        StringBuilder digits = new StringBuilder(key.zoom());
        for (int level = key.zoom(); level > 0; level--) {
            int mask = 1 << (level - 1);
            int digit = ((key.x() & mask) != 0 ? 1 : 0) + ((key.y() & mask) != 0 ? 2 : 0);
            digits.append(digit);
        }
        return digits.toString();
    }
}
