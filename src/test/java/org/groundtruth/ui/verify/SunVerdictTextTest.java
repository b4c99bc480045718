package org.groundtruth.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.ShadowVerdict;
import org.groundtruth.core.verify.TimeWindow;
import org.groundtruth.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verdict sentence in the window, in English and Ukrainian, for each outcome. */
class SunVerdictTextTest {
    private static final List<TimeWindow> MORNING = List.of(new TimeWindow(Instant.parse("2025-07-06T06:06:00Z"),
            Instant.parse("2025-07-06T06:49:00Z")));

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    private static ShadowVerdict verdict(String claimed, List<TimeWindow> windows) {
        Instant t = Instant.parse(claimed);
        return new ShadowVerdict(300, t, windows, ShadowVerdict.fits(t, windows));
    }

    @Test
    void englishStatesTheWindowsAndTheVerdict() {
        I18n.use(Locale.ENGLISH);
        assertThat(SunVerdictText.sentence(verdict("2025-07-06T08:25:00Z", MORNING)))
                .isEqualTo("A 300° shadow fits 06:06–06:49 UTC; the claimed 08:25 does not fit.");
        assertThat(SunVerdictText.sentence(verdict("2025-07-06T06:30:00Z", MORNING)))
                .isEqualTo("A 300° shadow fits 06:06–06:49 UTC; the claimed 06:30 fits.");
        assertThat(SunVerdictText.sentence(verdict("2025-07-06T08:25:00Z", List.of())))
                .isEqualTo("A 300° shadow fits no time of that day; the claimed 08:25 does not fit.");
    }

    @Test
    void ukrainianStatesTheSame() {
        I18n.use(Locale.forLanguageTag("uk"));
        assertThat(SunVerdictText.sentence(verdict("2025-07-06T08:25:00Z", MORNING)))
                .isEqualTo("Тінь під 300° відповідає 06:06–06:49 UTC; заявлений час 08:25 не відповідає.");
        Chronolocation saved = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), Ids.next("inc"),
                Instant.parse("2025-07-06T06:30:00Z"), 120, 20, Optional.of(300.0), MORNING, "", "Олена", Instant.now());
        assertThat(SunVerdictText.savedMark(saved)).isEqualTo("  · заявлений час відповідає тіні");
        Chronolocation unmeasured = new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), Ids.next("inc"),
                Instant.parse("2025-07-06T06:30:00Z"), 120, 20, Optional.empty(), List.of(), "", "Олена", Instant.now());
        assertThat(SunVerdictText.savedMark(unmeasured)).isEmpty();
    }
}
