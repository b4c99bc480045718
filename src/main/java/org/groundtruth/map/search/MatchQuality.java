package org.groundtruth.map.search;

/**
 * How well a name matches a query; higher is better, and every exact match ranks above every prefix match, which
 * ranks above a transliteration variant.
 */
public final class MatchQuality {
    /** The whole name, street type included, equals the query ("Площа Свободи"). */
    public static final int FULL_EXACT = 6;
    /** The name without its street type equals the query ("Перекопська" for "вулиця Перекопська"). */
    public static final int EXACT = 5;
    /** A later word of the name equals the query ("Grace" for "Avenue Princesse Grace"). */
    public static final int WORD_EXACT = 4;
    public static final int PREFIX = 3;
    public static final int WORD_PREFIX = 2;
    /** Same transliteration skeleton (Kupjansk ~ Kupiansk). */
    public static final int VARIANT = 1;

    private MatchQuality() {
    }

    public static boolean exact(int quality) {
        return quality >= WORD_EXACT;
    }
}
