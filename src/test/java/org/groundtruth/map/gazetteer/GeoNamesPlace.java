package org.groundtruth.map.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One row of a GeoNames dump (cities500 layout), with the alternate names kept as a list. */
public record GeoNamesPlace(long id, String name, String asciiName, List<String> alternateNames, double lat, double lon,
        String featureClass, String featureCode, String countryCode, String admin1Code, long population) {

    public GeoNamesPlace {
        alternateNames = List.copyOf(alternateNames);
    }

    /**
     * The Ukrainian spelling among the Cyrillic alternates: the one whose national transliteration (KMU 2010) gives
     * the Latin name (Одеса → Odesa, not Одесса), else one with letters only Ukrainian has (і, ї, є, ґ).
     */
    public Optional<String> ukrainianName() {
        String latin = Transliteration.key(name);
        String ascii = Transliteration.key(asciiName);
        String withUkrainianLetters = null;
        for (String alternate : alternateNames) {
            if (!Transliteration.isCyrillic(alternate)) {
                continue;
            }
            String key = Transliteration.key(Transliteration.ukrainianToLatin(alternate));
            if (key.equals(latin) || key.equals(ascii)) {
                return Optional.of(alternate);
            }
            String lower = alternate.toLowerCase(Locale.ROOT);
            if (withUkrainianLetters == null && lower.matches(".*[іїєґ].*") && !lower.matches(".*[ыэъё].*")) {
                withUkrainianLetters = alternate;
            }
        }
        return Optional.ofNullable(withUkrainianLetters);
    }
}
