package org.groundtruth.map.offline;

import java.io.File;
import org.mapsforge.map.reader.MapFile;

/**
 * A mapsforge map whose names read "UI-language name · other-script name" where the file carries both (maps written
 * with preferred languages store {@code name}, {@code name:uk}, {@code name:en} … in one field). Without a second
 * language the name is shown as it is.
 */
final class BilingualMapFile extends MapFile {
    private final String language;

    BilingualMapFile(File file, String language) {
        super(file, null);
        this.language = language;
    }

    @Override
    protected String extractLocalized(String raw) {
        return label(raw, language);
    }

    /** {@code default\rlang\bvalue\rlang\bvalue…} → the label; plain names pass through. */
    static String label(String raw, String language) {
        if (raw == null || raw.indexOf('\r') < 0) {
            return raw;
        }
        String[] parts = raw.split("\r");
        String fallback = parts[0];
        String uk = null;
        String en = null;
        for (int i = 1; i < parts.length; i++) {
            int split = parts[i].indexOf('\b');
            if (split <= 0) {
                continue;
            }
            String lang = parts[i].substring(0, split);
            String value = parts[i].substring(split + 1);
            if (lang.equals("uk")) {
                uk = value;
            } else if (lang.equals("en")) {
                en = value;
            }
        }
        String primary = "en".equals(language) ? (en != null ? en : fallback) : (uk != null ? uk : fallback);
        String secondary = "en".equals(language) ? (uk != null ? uk : fallback) : (en != null ? en : null);
        if (secondary == null || secondary.isBlank() || secondary.equals(primary)
                || org.groundtruth.map.NameKeys.hasCyrillic(secondary) == org.groundtruth.map.NameKeys.hasCyrillic(primary)) {
            return primary;
        }
        return primary + " · " + secondary;
    }
}
