package org.groundtruth.core.insignia;

import java.util.Locale;
import java.util.Optional;

/**
 * Compares what OCR read with the markings the analyst looks for (ДСНС, 101, ШВИДКА, RESCUE…). Both sides are
 * folded to one form first: upper case, letters that look alike in Latin and Cyrillic (A/А, C/С, E/Е, H/Н, K/К,
 * M/М, O/О, P/Р, T/Т, X/Х, B/В, I/І, Y/У) made equal, and everything but letters and digits dropped, because a
 * stencilled "ДСНС" is often read with a Latin C or H. A word matches within one edit per five characters.
 */
public final class MarkingText {
    private static final String LATIN = "ACEHKMOPTXBIY";
    private static final String CYRILLIC = "АСЕНКМОРТХВІУ";

    private MarkingText() {
    }

    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toUpperCase(Locale.ROOT).codePoints().forEach(cp -> {
            int latin = LATIN.indexOf(cp);
            if (latin >= 0) {
                out.append(CYRILLIC.charAt(latin));
            } else if (cp == 'Ї' || cp == 'Й') {
                out.append(cp == 'Ї' ? 'І' : 'И');
            } else if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * The wanted marking found in {@code read}, if any: the read text contains it within the allowed edits.
     * Short markings (up to three characters, e.g. "101") must match exactly.
     */
    public static Optional<String> find(String read, String wanted) {
        String text = fold(read);
        String word = fold(wanted);
        if (word.isEmpty() || text.length() < word.length() - 1) {
            return Optional.empty();
        }
        int allowed = word.length() <= 3 ? 0 : Math.max(1, word.length() / 5);
        return bestSubstringDistance(text, word) <= allowed ? Optional.of(wanted) : Optional.empty();
    }

    /** The least edit distance between {@code word} and any substring of {@code text} (Sellers' algorithm). */
    static int bestSubstringDistance(String text, String word) {
        int[] previous = new int[text.length() + 1];
        int[] current = new int[text.length() + 1];
        for (int i = 1; i <= word.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= text.length(); j++) {
                int cost = word.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        int best = Integer.MAX_VALUE;
        for (int value : previous) {
            best = Math.min(best, value);
        }
        return best;
    }
}
