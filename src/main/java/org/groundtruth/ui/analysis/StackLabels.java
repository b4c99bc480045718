package org.groundtruth.ui.analysis;

import java.util.Optional;
import org.groundtruth.core.Coded;
import org.groundtruth.core.analysis.StackKeys;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.I18n;

/** Display names of stack keys: vocabulary codes translated, region names as recorded. */
final class StackLabels {
    private StackLabels() {
    }

    static String label(Optional<StatsDimension> dimension, String key) {
        if (key.equals(StackKeys.NONE)) {
            return I18n.t("analysis.none");
        }
        if (dimension.isEmpty()) {
            return I18n.t("analysis.count");
        }
        try {
            return switch (dimension.get()) {
                case STATUS -> I18n.label(Coded.parse(VerificationStatus.class, key, "status"));
                case TARGET_TYPE -> I18n.label(Coded.parse(TargetType.class, key, "target type"));
                case STRIKE_TYPE -> I18n.label(Coded.parse(StrikeType.class, key, "strike type"));
                default -> key;
            };
        } catch (IllegalArgumentException unknownCode) {
            return key;
        }
    }
}
