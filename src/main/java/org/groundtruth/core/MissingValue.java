package org.groundtruth.core;

import java.util.List;
import java.util.Locale;

/**
 * A required value that is absent ({@link Require#present}); a {@link NullPointerException} as before, with the
 * field's name carried so the window can say it in the reader's language.
 */
public class MissingValue extends NullPointerException implements KeyedMessage {
    private final List<Object> arguments;

    public MissingValue(String field) {
        super(ValidationText.ENGLISH.format("validation.required", new FieldName(field)));
        this.arguments = List.of(new FieldName(field));
    }

    @Override
    public String key() {
        return "validation.required";
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
