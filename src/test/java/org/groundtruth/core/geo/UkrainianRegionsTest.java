package org.groundtruth.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored region names are official English; a Ukrainian reader sees the Ukrainian names. */
class UkrainianRegionsTest {
    @Test
    void showsUkrainianNamesToUkrainianReaders() {
        assertThat(UkrainianRegions.display("Kherson Oblast", "uk")).isEqualTo("Херсонська область");
        assertThat(UkrainianRegions.display("Kyiv", "uk")).isEqualTo("Київ");
        assertThat(UkrainianRegions.display("Autonomous Republic of Crimea", "uk"))
                .isEqualTo("Автономна Республіка Крим");
    }

    @Test
    void leavesOtherNamesAndLanguagesAlone() {
        assertThat(UkrainianRegions.display("Kherson Oblast", "en")).isEqualTo("Kherson Oblast");
        assertThat(UkrainianRegions.display("Brest Oblast", "uk")).isEqualTo("Brest Oblast");
        assertThat(UkrainianRegions.display("", "uk")).isEmpty();
    }
}
