package org.groundtruth.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.evidence.GpsFix;

/**
 * ISO 6709 positions as video containers store them ({@code +51.4169-000.0806/}, {@code +52.3693+006.6761+10.53/}):
 * QuickTime {@code ©xyz}, 3GPP {@code loci} (FFmpeg writes both as the {@code location} tag) and Apple's
 * {@code com.apple.quicktime.location.ISO6709}. Decimal degrees only, which is what devices write.
 */
final class Iso6709 {
    private static final Pattern DECIMAL =
            Pattern.compile("^\\s*([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?\\s*(?:CRS[^/]*)?/?\\s*$");

    private Iso6709() {
    }

    static Optional<GpsFix> parse(String text, String source) {
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return GpsFix.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Optional.ofNullable(m.group(3)).map(Double::parseDouble), source);
    }
}
