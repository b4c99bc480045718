package org.groundtruth.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MonthlyChartSvgTest {
    @Test
    void barsScaleWithTheCountsAndTextIsEscaped() {
        TreeMap<YearMonth, Map<String, Long>> counts = new TreeMap<>();
        counts.put(YearMonth.of(2025, 6), Map.of("a", 2L));
        counts.put(YearMonth.of(2025, 8), Map.of("a", 4L, "b", 2L));
        MonthlySeries series = MonthlySeries.of(IncidentFilter.ALL, Optional.of(StatsDimension.ADMIN1), counts, 0);
        String svg = MonthlyChartSvg.render(series, "Удари <по> рятувальниках & ДСНС", "Фільтр: усі",
                key -> key.equals("a") ? "Херсонська" : "Харківська", 800, 400);
        assertThat(svg).contains("Удари &lt;по&gt; рятувальниках &amp; ДСНС", "Херсонська", "2025-07", "(\u2212100%)",
                "6 (+6)");
        assertThat(svg.split("class=\"bar\"", -1).length - 1).isEqualTo(3);
        assertThat(svg).startsWith("<?xml");
        assertThat(MonthlyChartSvg.inline(series, "t", "s", k -> k, 800, 400)).startsWith("<svg ");
        assertThat(MonthlyChartSvg.niceStep(6)).isEqualTo(2);
        assertThat(MonthlyChartSvg.niceStep(1)).isEqualTo(1);
        assertThat(MonthlyChartSvg.niceStep(480)).isEqualTo(100);
    }
}
