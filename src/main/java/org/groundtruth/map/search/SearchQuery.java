package org.groundtruth.map.search;

import java.util.List;
import org.groundtruth.map.NameKeys;

/**
 * A typed query in key form: {@code full} with street-type words, {@code bare} without them, the transliteration
 * skeleton, and whether it holds a house number (only then are addresses searched).
 */
public record SearchQuery(String text, String full, String bare, String skeleton, boolean hasNumber, boolean square) {
    public static SearchQuery of(String text) {
        List<String> words = NameKeys.words(text == null ? "" : text);
        List<String> bare = NameKeys.bareWords(words);
        String bareKey = NameKeys.joinedKey(bare);
        boolean number = bare.stream().anyMatch(w -> w.chars().anyMatch(Character::isDigit));
        String skeletonSource = NameKeys.joinedKey(bare.stream().filter(w -> w.chars().noneMatch(Character::isDigit)).toList());
        return new SearchQuery(text == null ? "" : text.trim(), NameKeys.joinedKey(words), bareKey,
                NameKeys.skeleton(skeletonSource), number, words.stream().anyMatch(NameKeys::isSquareWord));
    }

    public boolean isEmpty() {
        return bare.isEmpty();
    }

    /**
     * For a query with a house number, the transliteration-variant address key (street skeleton + number, see
     * {@link NameIndexWriter}): the words before the first one holding a digit are the street, the rest the number.
     */
    public java.util.Optional<String> addressVariantKey() {
        if (!hasNumber) {
            return java.util.Optional.empty();
        }
        List<String> words = NameKeys.bareWords(NameKeys.words(text));
        int first = 0;
        while (first < words.size() && words.get(first).chars().noneMatch(Character::isDigit)) {
            first++;
        }
        if (first == 0) {
            return java.util.Optional.empty();
        }
        return NameIndexWriter.addressVariantKey(NameKeys.joinedKey(words.subList(0, first)),
                NameKeys.joinedKey(words.subList(first, words.size())));
    }
}
