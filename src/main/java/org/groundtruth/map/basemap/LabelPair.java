package org.groundtruth.map.basemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two lines of a bilingual label, each in one script: the UI language's name first, the name in the other script
 * beside it (issue 14's rule). A source name that mixes scripts ("Ryasno, Рясно, Расна") is split into its parts and
 * each line takes the part in its script; a second line in the same script as the first is never drawn.
 */
record LabelPair(String primary, Optional<String> secondary) {
    enum Script { LATIN, CYRILLIC, OTHER }

    LabelPair {
        if (primary == null || primary.isBlank() || secondary == null) {
            throw new IllegalArgumentException("a label needs a primary text");
        }
    }

    /**
     * @param name the feature's name (mostly Latin; local script for some places)
     * @param nameUk the Ukrainian name, when the basemap has one
     * @param ukrainianFirst the UI is Ukrainian: the Cyrillic name leads
     */
    static Optional<LabelPair> of(String name, String nameUk, boolean ukrainianFirst) {
        List<String> parts = new ArrayList<>();
        if (nameUk != null) {
            parts.addAll(split(nameUk));
        }
        if (name != null) {
            parts.addAll(split(name));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> latin = first(parts, Script.LATIN);
        // The Ukrainian name wins over a local Cyrillic spelling in the name field: it is listed first.
        Optional<String> cyrillic = first(parts, Script.CYRILLIC);
        Optional<String> lead = ukrainianFirst ? cyrillic.or(() -> latin) : latin.or(() -> cyrillic);
        if (lead.isEmpty()) {
            String local = name != null && !split(name).isEmpty() ? split(name).get(0) : parts.get(0);
            return Optional.of(new LabelPair(local, Optional.empty()));
        }
        Optional<String> other = script(lead.get()) == Script.LATIN ? cyrillic : latin;
        return Optional.of(new LabelPair(lead.get(), other.filter(o -> !o.equals(lead.get()))));
    }

    static Script script(String text) {
        int latin = 0;
        int cyrillic = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (s == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else {
                other++;
            }
        }
        if (latin > 0 && cyrillic == 0 && other == 0) {
            return Script.LATIN;
        }
        if (cyrillic > 0 && latin == 0 && other == 0) {
            return Script.CYRILLIC;
        }
        return Script.OTHER;
    }

    private static Optional<String> first(List<String> parts, Script wanted) {
        return parts.stream().filter(p -> script(p) == wanted).findFirst();
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\s*[,;/]\\s*")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }
}
