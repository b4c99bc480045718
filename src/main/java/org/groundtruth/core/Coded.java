package org.groundtruth.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A vocabulary value with a stable snake_case code (the constant's name in lower case), used in the
 * database, JSON and interchange files.
 */
public interface Coded {
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, String field) {
        Require.present(code, field);
        String wanted = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(wanted)) {
                return value;
            }
        }
        throw InvalidInput.of("validation.notOneOf", field, code, codes(type));
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
