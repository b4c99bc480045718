package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counts read naturally: ICU plural rules in both languages, no hand-written "item(s)" endings. */
class PluralMessagesTest {
    private static final Locale UK = Locale.forLanguageTag("uk");

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void noEnglishMessageWritesAPluralByHand() throws Exception {
        Properties en = new Properties();
        try (var in = new InputStreamReader(PluralMessagesTest.class.getResourceAsStream("/i18n/messages.properties"),
                StandardCharsets.UTF_8)) {
            en.load(in);
        }
        assertThat(en.stringPropertyNames().stream().filter(k -> en.getProperty(k).contains("(s)")).sorted().toList())
                .as("keys with a hand-written (s)").isEmpty();
    }

    @Test
    void countsFollowEnglishRules() {
        I18n.use(Locale.ENGLISH);
        assertThat(I18n.t("task.import", 1)).isEqualTo("Importing 1 file");
        assertThat(I18n.t("task.import", 3)).isEqualTo("Importing 3 files");
        assertThat(I18n.t("map.regionCount", "Kherson Oblast", 1)).isEqualTo("Kherson Oblast: 1 incident");
        assertThat(I18n.t("map.notOnMap", 1, "Atlantis")).startsWith("1 incident is not on the map");
        assertThat(I18n.t("flags.summary", 2, 1)).startsWith("2 red flags, 1 unexplained.");
        assertThat(I18n.t("analysis.doubleTapSummary", 1, 1, 1, 0, 0, 0))
                .startsWith("1 suspected follow-up strike in 1 group among 1 strike with place and time");
    }

    @Test
    void countsFollowUkrainianRules() {
        I18n.use(UK);
        assertThat(I18n.t("evidence.cancelled", 1)).startsWith("Імпорт скасовано після 1 елемента;");
        assertThat(I18n.t("evidence.cancelled", 3)).startsWith("Імпорт скасовано після 3 елементів;");
        assertThat(I18n.t("evidence.cancelled", 21)).startsWith("Імпорт скасовано після 21 елемента;");
        assertThat(I18n.t("analysis.doubleTapSummary", 1, 1, 1, 0, 0, 0))
                .startsWith("1 імовірний повторний удар у 1 групі серед 1 удару з місцем і часом");
        assertThat(I18n.t("analysis.doubleTapSummary", 2, 2, 4, 0, 0, 0))
                .startsWith("2 імовірні повторні удари у 2 групах серед 4 ударів");
        assertThat(I18n.t("analysis.doubleTapSummary", 5, 11, 25, 0, 0, 0))
                .startsWith("5 імовірних повторних ударів у 11 групах серед 25 ударів");
    }
}
