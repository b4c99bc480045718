package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.groundtruth.map.search.SearchQuery;
import org.junit.jupiter.api.Test;

class NameKeysTest {
    private static String skeleton(String name) {
        return NameKeys.skeleton(NameKeys.key(name));
    }

    @Test
    void transliterationVariantsShareASkeleton() {
        assertThat(skeleton("Kupyansk")).isEqualTo(skeleton("Kupiansk")).isEqualTo(skeleton("Kupjansk"))
                .isEqualTo(skeleton("Купянськ")).isEqualTo(skeleton("Купянск")).isEqualTo(skeleton("Куп'янськ"));
        assertThat(skeleton("Kiev")).isEqualTo(skeleton("Kyiv")).isEqualTo(skeleton("Київ"));
        assertThat(skeleton("Zaporozhye")).isEqualTo(skeleton("Zaporizhzhia")).isEqualTo(skeleton("Запоріжжя"));
        assertThat(skeleton("Kharkov")).isEqualTo(skeleton("Харків"));
        assertThat(skeleton("Kherson")).isNotEqualTo(skeleton("Kharkiv"));
    }

    @Test
    void keysIgnoreApostropheSoftSignCaseAndScript() {
        assertThat(NameKeys.key("Київ")).isEqualTo(NameKeys.key("Kyiv"));
        assertThat(NameKeys.key("Перекопська")).isEqualTo(NameKeys.key("Perekopska"));
        assertThat(NameKeys.key("Куп’янськ")).isEqualTo(NameKeys.key("Kupiansk"));
    }

    @Test
    void queriesSplitStreetTypeAndHouseNumber() {
        SearchQuery q = SearchQuery.of("вул. Перекопська 12");
        assertThat(q.bare()).isEqualTo("perekopska12");
        assertThat(q.hasNumber()).isTrue();
        assertThat(SearchQuery.of("Perekopska street").bare()).isEqualTo("perekopska");
        SearchQuery square = SearchQuery.of("Площа Свободи");
        assertThat(square.square()).isTrue();
        assertThat(square.bare()).isEqualTo("svobody");
        assertThat(square.full()).isEqualTo("ploshchasvobody");
    }
}
