package org.groundtruth.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Coded;
import org.groundtruth.ui.common.I18n;

/** A filter choice from a vocabulary: one value, or "all" (empty). */
public record Choice<E extends Enum<E> & Coded>(Optional<E> value, String allKey) {
    public static <E extends Enum<E> & Coded> List<Choice<E>> of(Class<E> type, String allKey) {
        List<Choice<E>> choices = new ArrayList<>();
        choices.add(new Choice<E>(Optional.<E>empty(), allKey));
        for (E value : type.getEnumConstants()) {
            choices.add(new Choice<E>(Optional.of(value), allKey));
        }
        return choices;
    }

    @Override
    public String toString() {
        return value.map(I18n::label).orElse(I18n.t(allKey));
    }
}
