package org.groundtruth.core;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Entity identifiers: a short kind prefix and ten Crockford base-32 characters ({@code inc-7k2m9x4q1z}).
 * Random rather than sequential so that investigations merged from case files never collide,
 * short enough to type on the command line.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[a-z]{2,4}-[0-9a-hjkmnp-tv-z]{10}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Validates an identifier's shape; the prefix says which entity it names. */
    public static String require(String id, String prefix, String field) {
        Require.present(id, field);
        if (!FORMAT.matcher(id).matches() || !id.startsWith(prefix + "-")) {
            throw InvalidInput.of("validation.badId", field, prefix, id);
        }
        return id;
    }
}
