package org.groundtruth.map;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How names are compared across scripts and romanization systems. Every name and every query is brought into one
 * Latin key space: Cyrillic is romanized (Ukrainian KMU 2010 with the Russian letters added), accents, case,
 * apostrophes and the soft sign are dropped. Two keys are derived:
 * <ul>
 * <li>{@link #key}: letters and digits of that romanization, for exact and prefix matches ("Київ" = "Kyiv");</li>
 * <li>{@link #skeleton}: the consonant frame after folding the spellings older systems disagree on
 * (kh/h/g, zh/z, ts/c, ch, sh, j/y/i, doubled letters, vowels after the first letter), so that Kupyansk,
 * Kupiansk, Kupjansk, Купянськ and Купянск, Kiev and Kyiv, Zaporozhye and Zaporizhzhia meet.</li>
 * </ul>
 * Street-type words (вулиця, ул., street, avenue, площа …) are split off so "вул. Перекопська" finds "Perekopska street".
 */
public final class NameKeys {
    // Compiled once: search runs these for every keystroke and the importer for every name.
    private static final java.util.regex.Pattern WORD_BREAK = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}'’ʼ]+");
    private static final java.util.regex.Pattern EDGE_APOSTROPHES = java.util.regex.Pattern.compile("^['’ʼ]+|['’ʼ]+$");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"), Map.entry('ж', "zh"), Map.entry('з', "z"),
            Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
            Map.entry('ь', ""), Map.entry('ю', "iu"), Map.entry('я', "ia"),
            // Russian and Belarusian letters, romanized the common way
            Map.entry('ы', "y"), Map.entry('э', "e"), Map.entry('ё', "e"), Map.entry('ъ', ""), Map.entry('ў', "u"));
    private static final Map<Character, String> CYRILLIC_INITIAL = Map.of('є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");
    /** Digraphs of the older and the national systems folded to one letter, longest first. */
    private static final String[][] FOLDS = {
        {"shch", "s"}, {"sch", "s"}, {"kh", "h"}, {"zh", "z"}, {"ts", "c"}, {"tz", "c"}, {"ch", "c"}, {"sh", "s"},
        {"ph", "f"}, {"g", "h"}, {"w", "v"}, {"q", "k"}, {"x", "ks"}, {"j", "i"}, {"y", "i"}};

    /** Words naming the kind of street or square; dropped from the key that is matched against the bare name. */
    static final Set<String> TYPE_WORDS = Set.of(
            // Ukrainian
            "вулиця", "вул", "провулок", "пров", "проспект", "просп", "пр", "площа", "пл", "бульвар", "бульв", "бр",
            "шосе", "узвіз", "набережна", "наб", "майдан", "тупик", "проїзд", "алея", "тракт", "в'їзд", "вїзд", "спуск",
            // Russian
            "улица", "ул", "переулок", "пер", "площадь", "шоссе", "набережная", "проезд", "аллея",
            // English and romanized
            "street", "st", "avenue", "ave", "av", "square", "sq", "lane", "ln", "road", "rd", "boulevard", "blvd",
            "prospect", "prospekt", "prosp", "ploshcha", "pl", "vulytsia", "vulytsya", "vulica", "vul", "ulitsa",
            "ulica", "ul", "provulok", "pereulok", "embankment", "highway", "maidan", "alley",
            // French (Monaco) and others common in extracts
            "rue", "place", "quai", "chemin", "allee", "impasse", "route", "strasse", "str", "via", "piazza", "ulice");
    static final Set<String> SQUARE_WORDS = Set.of("площа", "пл", "площадь", "майдан", "square", "sq", "ploshcha",
            "maidan", "place", "piazza");

    private NameKeys() {
    }

    /** Cyrillic romanized (KMU 2010 plus Russian letters), other text lower-cased unchanged. */
    public static String romanize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean wordStart = i == 0 || !(Character.isLetter(lower.charAt(i - 1)) || isApostrophe(lower.charAt(i - 1)));
            String mapped = wordStart ? CYRILLIC_INITIAL.getOrDefault(c, CYRILLIC.get(c)) : CYRILLIC.get(c);
            if (c == 'г' && i > 0 && lower.charAt(i - 1) == 'з') {
                mapped = "gh";
            }
            out.append(mapped != null ? mapped : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`';
    }

    /** Letters and digits of the romanized text, accents removed; apostrophes, soft signs, spaces and dots dropped. */
    public static String key(String text) {
        return fold(romanize(text));
    }

    /** Lower case letters and digits only, accents removed: how names are compared within one script. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /** The folded consonant frame of a key (see the class comment); digits are kept. */
    public static String skeleton(String key) {
        String folded = key;
        for (String[] fold : FOLDS) {
            folded = folded.replace(fold[0], fold[1]);
        }
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
            if (vowel && i > 0) {
                continue;
            }
            if (vowel) {
                c = c == 'e' ? 'i' : c; // Ye-/Ie-/E- at the start (Yenakiieve, Enakievo)
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The words of a name or query: runs of letters, digits and apostrophes, lower case. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            String word = EDGE_APOSTROPHES.matcher(w).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    public static boolean isTypeWord(String word) {
        return TYPE_WORDS.contains(MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("")
                .replace("’", "'").replace("ʼ", "'"));
    }

    public static boolean isSquareWord(String word) {
        return SQUARE_WORDS.contains(MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll(""));
    }

    /** The words that are not street-type words; all words when nothing else would remain. */
    public static List<String> bareWords(List<String> words) {
        List<String> bare = words.stream().filter(w -> !isTypeWord(w)).toList();
        return bare.isEmpty() ? words : bare;
    }

    /** The key of several words joined. */
    public static String joinedKey(List<String> words) {
        StringBuilder key = new StringBuilder();
        for (String w : words) {
            key.append(key(w));
        }
        return key.toString();
    }

    /** True when the text holds Cyrillic letters. */
    public static boolean hasCyrillic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }
}
