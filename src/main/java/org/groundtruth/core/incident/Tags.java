package org.groundtruth.core.incident;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;

/**
 * An incident's tags: stripped, blanks dropped, duplicates dropped (first spelling kept), at most
 * {@link #MAX_TAGS} of at most {@link #MAX_LENGTH} characters each. One pass with a hash set: linear in the
 * number of tags.
 */
public final class Tags {
    public static final int MAX_TAGS = 100;
    public static final int MAX_LENGTH = 100;

    private Tags() {
    }

    public static List<String> normalise(List<String> tags) {
        Set<String> kept = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = Require.text(Require.present(tag, "tag"), "tag", Integer.MAX_VALUE).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > MAX_LENGTH) {
                throw new InvalidInput("validation.tagTooLong", t.substring(0, 20), MAX_LENGTH);
            }
            kept.add(t);
            if (kept.size() > MAX_TAGS) {
                throw new InvalidInput("validation.tooManyTags", MAX_TAGS);
            }
        }
        return List.copyOf(kept);
    }
}
