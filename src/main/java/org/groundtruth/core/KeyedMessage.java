package org.groundtruth.core;

import java.util.List;
import java.util.Locale;

/** A failure whose text is a key in {@code i18n/validation*.properties} with arguments ({@link ValidationText}). */
public interface KeyedMessage {
    String key();

    /** The values of the message's placeholders; {@link FieldName}s among them are translated too. */
    List<Object> arguments();

    /** The message in the given language (Ukrainian or English). */
    default String message(Locale locale) {
        return ValidationText.of(locale).format(key(), arguments().toArray());
    }
}
