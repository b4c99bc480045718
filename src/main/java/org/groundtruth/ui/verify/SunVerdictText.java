package org.groundtruth.ui.verify;

import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.ui.common.I18n;

/** The sun check's verdict in the reader's language. */
final class SunVerdictText {
    private SunVerdictText() {
    }

    /** "A 300° shadow fits 06:06–06:49 UTC; the claimed 08:25 does not fit." */
    static String sentence(ShadowVerdict v) {
        if (v.windows().isEmpty()) {
            return I18n.t("sun.verdict.never", v.bearingText(), v.claimedText());
        }
        return I18n.t(v.claimedTimeFits() ? "sun.verdict.fits" : "sun.verdict.misfit", v.bearingText(),
                v.windowsText(), v.claimedText());
    }

    /** The short mark after a saved check in its list, " · claimed time fits"; empty without a measured shadow. */
    static String savedMark(Chronolocation check) {
        return ShadowVerdict.of(check).map(v -> "  \u00b7 " + I18n.t(v.claimedTimeFits() ? "sun.saved.fits"
                : "sun.saved.misfit")).orElse("");
    }
}
