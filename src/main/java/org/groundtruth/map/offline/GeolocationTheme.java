package org.groundtruth.map.offline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.map.MapStyle;
import org.mapsforge.map.rendertheme.StreamRenderTheme;
import org.mapsforge.map.rendertheme.XmlRenderTheme;

/** The render theme for {@code .map} files in the light or dark palette: one XML template, two colour tables. */
final class GeolocationTheme {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z-]+)}");

    private GeolocationTheme() {
    }

    static String xml(MapStyle style) {
        try (InputStream template = GeolocationTheme.class.getResourceAsStream("geolocation-theme.xml");
                InputStream colours = GeolocationTheme.class.getResourceAsStream("geolocation-" + style.key() + ".properties")) {
            if (template == null || colours == null) {
                throw new IllegalStateException("render theme resources missing from the build");
            }
            Properties palette = new Properties();
            palette.load(colours);
            String text = new String(template.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = palette.getProperty(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("colour " + m.group(1) + " missing from the " + style.key() + " palette");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XmlRenderTheme of(MapStyle style) {
        return new StreamRenderTheme("", new ByteArrayInputStream(xml(style).getBytes(StandardCharsets.UTF_8)));
    }
}
