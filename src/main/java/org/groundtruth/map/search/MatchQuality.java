package org.groundtruth.map.search;

/**
 * How well a name matches a query; higher is better. Every exact match ({@link #exact}) ranks above every other match,
 * whatever the view (decision 1421). Among the others a prefix of the name comes first, then the whole name in
 * another transliteration (Zaporozhye for Zaporizhzhia), then a prefix of a later word (a fragment of a longer name).
 */
public final class MatchQuality {
    /** The whole name, street type included, equals the query ("Площа Свободи"). */
    public static final int FULL_EXACT = 6;
    /** The name without its street type equals the query ("Перекопська" for "вулиця Перекопська"). */
    public static final int EXACT = 5;
    /** A later word of the name equals the query ("Grace" for "Avenue Princesse Grace"). */
    public static final int WORD_EXACT = 4;
    public static final int PREFIX = 3;
    /** Same transliteration skeleton (Kupjansk ~ Kupiansk): the whole name, spelt by another system. */
    public static final int VARIANT = 2;
    /** A later word of the name starts with the query, or (gazetteer) the query's words occur in the name. */
    public static final int WORD_PREFIX = 1;

    private MatchQuality() {
    }

    public static boolean exact(int quality) {
        return quality >= WORD_EXACT;
    }
}
