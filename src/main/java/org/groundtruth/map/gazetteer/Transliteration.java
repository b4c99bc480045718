package org.groundtruth.map.gazetteer;

import java.util.Locale;
import java.util.Map;

/** Ukrainian national romanization (Cabinet of Ministers resolution 55, 2010), enough to match GeoNames' Latin names. */
final class Transliteration {
    private static final Map<Character, String> UKRAINIAN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"), Map.entry('ж', "zh"), Map.entry('з', "z"),
            Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
            Map.entry('ь', ""), Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('\'', ""), Map.entry('’', ""));
    /** At the start of a word these letters romanize differently (Єнакієве → Yenakiieve). */
    private static final Map<Character, String> UKRAINIAN_INITIAL = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

    private Transliteration() {
    }

    static String ukrainianToLatin(String cyrillic) {
        StringBuilder out = new StringBuilder(cyrillic.length() + 8);
        String lower = cyrillic.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetter(lower.charAt(i - 1));
            String mapped = wordStart ? UKRAINIAN_INITIAL.getOrDefault(c, UKRAINIAN.get(c)) : UKRAINIAN.get(c);
            if (c == 'г' && i > 0 && lower.charAt(i - 1) == 'з') {
                mapped = "gh"; // зг → zgh (Згурівка → Zghurivka)
            }
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        return out.toString();
    }

    /** Lower case letters and digits only, accents removed: how names are compared. */
    static String key(String text) {
        return org.groundtruth.map.NameKeys.fold(text);
    }

    static boolean isCyrillic(String text) {
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.UnicodeBlock.of(c) != Character.UnicodeBlock.CYRILLIC) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Latin or Cyrillic letters with spaces, hyphens and apostrophes: the scripts investigators here type. */
    static boolean isLatinOrCyrillicName(String text) {
        if (text.isEmpty() || text.length() > 60) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.CYRILLIC) {
                    return false;
                }
                any = true;
            } else if (!(c == ' ' || c == '-' || c == '\'' || c == '’' || c == '.' || c == '(' || c == ')')) {
                return false;
            }
        }
        return any;
    }
}
