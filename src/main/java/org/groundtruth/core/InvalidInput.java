package org.groundtruth.core;

import java.util.List;
import java.util.Locale;

/**
 * A value that fails a record's check, carried as a message key, the field it concerns and the arguments, so the
 * window can say it in the reader's language ({@link ValidationText}); {@link #getMessage()} is the English line
 * the command line and the logs show.
 */
public class InvalidInput extends BadInputException implements KeyedMessage {
    private final String key;
    private final List<Object> arguments;

    /** {@code arguments} may hold {@link FieldName}s, which are translated with the message. */
    public InvalidInput(String key, Object... arguments) {
        super(ValidationText.ENGLISH.format(key, arguments));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    /** Checks on a field: the field's English name, translated with the message. */
    public static InvalidInput of(String key, String field, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = new FieldName(field);
        System.arraycopy(more, 0, all, 1, more.length);
        return new InvalidInput(key, all);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public List<Object> arguments() {
        return arguments;
    }

    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }
}
