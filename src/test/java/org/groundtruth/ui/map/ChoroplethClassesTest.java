package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Class breaks and the count → colour mapping of the incidents-per-region layer, without a toolkit. */
class ChoroplethClassesTest {
    @Test
    void smallCountsGetOneClassPerValueAndZeroHasNoFill() {
        ChoroplethClasses classes = ChoroplethClasses.of(List.of(3L, 3L, 1L, 2L, 1L, 0L));
        assertThat(classes.classes()).extracting(ChoroplethClasses.CountClass::range).containsExactly("1", "2", "3");
        assertThat(classes.colourOf(0)).isEmpty();
        assertThat(classes.colourOf(1)).contains(Color.web("#fed976"));
        assertThat(classes.colourOf(3)).contains(Color.web("#bd0026"));
        assertThat(classes.colourOf(4)).isEmpty();
    }

    @Test
    void skewedCountsGetAtMostFiveNiceLogSpacedClassesEndingAtTheMaximum() {
        assertThat(ChoroplethClasses.upperBounds(137)).containsExactly(3L, 10L, 20L, 50L, 137L);
        assertThat(ChoroplethClasses.upperBounds(10)).containsExactly(2L, 3L, 5L, 10L);
        assertThat(ChoroplethClasses.upperBounds(6)).containsExactly(2L, 3L, 5L, 6L);
        assertThat(ChoroplethClasses.upperBounds(1_000_000)).hasSize(5).endsWith(1_000_000L);
        ChoroplethClasses classes = ChoroplethClasses.of(List.of(1L, 7L, 44L, 137L));
        assertThat(classes.classes()).extracting(ChoroplethClasses.CountClass::range)
                .containsExactly("1\u20133", "4\u201310", "11\u201320", "21\u201350", "51\u2013137");
        assertThat(classes.colourOf(7)).contains(Color.web("#feb24c"));
        assertThat(classes.colourOf(44)).contains(Color.web("#f03b20"));
    }

    @Test
    void everyCountFromOneToTheMaximumHasExactlyOneClassAndColoursDarkenWithTheCount() {
        for (long max : new long[] {1, 2, 5, 6, 9, 23, 99, 100, 101, 4_321}) {
            ChoroplethClasses classes = ChoroplethClasses.of(List.of(max));
            assertThat(classes.classes()).hasSizeLessThanOrEqualTo(ChoroplethClasses.MAX_CLASSES);
            for (long c = 1; c <= Math.min(max, 500); c++) {
                long count = c;
                assertThat(classes.classes().stream().filter(k -> count >= k.from() && count <= k.to())).hasSize(1);
            }
            List<Color> colours = classes.classes().stream().map(ChoroplethClasses.CountClass::colour).toList();
            for (int i = 1; i < colours.size(); i++) {
                assertThat(colours.get(i).getBrightness())
                        .isLessThanOrEqualTo(colours.get(i - 1).getBrightness());
            }
        }
        assertThat(ChoroplethClasses.of(List.of(0L, 0L)).classes()).isEmpty();
        assertThat(ChoroplethClasses.of(List.of()).classes()).isEmpty();
    }
}
