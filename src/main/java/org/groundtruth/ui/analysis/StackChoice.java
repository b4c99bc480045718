package org.groundtruth.ui.analysis;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.ui.common.I18n;

/** How the monthly bars are split: not at all, or by status, target type or strike type. */
public record StackChoice(Optional<StatsDimension> dimension) {
    public static final StackChoice NONE = new StackChoice(Optional.empty());

    public static List<StackChoice> all() {
        return List.of(NONE, new StackChoice(Optional.of(StatsDimension.STATUS)),
                new StackChoice(Optional.of(StatsDimension.TARGET_TYPE)),
                new StackChoice(Optional.of(StatsDimension.STRIKE_TYPE)));
    }

    @Override
    public String toString() {
        return I18n.t("analysis.stack." + dimension.map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).orElse("none"));
    }
}
