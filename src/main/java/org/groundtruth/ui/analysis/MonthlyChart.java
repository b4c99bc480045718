package org.groundtruth.ui.analysis;

import java.util.List;
import java.util.Optional;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import org.groundtruth.core.analysis.MonthCount;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.ui.common.I18n;

/**
 * Incidents per month as stacked bars: one series per stack key (or one "incidents" series), each month's category
 * labelled with its change from the month before.
 */
final class MonthlyChart extends StackedBarChart<String, Number> {
    MonthlyChart() {
        super(new CategoryAxis(), new NumberAxis());
        setAnimated(false);
        setId("monthly-chart");
        getYAxis().setLabel(I18n.t("analysis.count"));
        ((NumberAxis) getYAxis()).setMinorTickVisible(false);
        ((NumberAxis) getYAxis()).setTickUnit(1);
        setLegendVisible(false);
    }

    void show(MonthlySeries series) {
        getData().clear();
        if (series == null) {
            return;
        }
        Optional<StatsDimension> stack = series.stackBy();
        List<String> keys = stack.isPresent() ? series.stackKeys() : List.of("");
        List<String> categories = series.months().stream().map(MonthlyChart::category).toList();
        ((CategoryAxis) getXAxis()).getCategories().setAll(categories);
        for (String key : keys) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(StackLabels.label(stack, key));
            for (MonthCount m : series.months()) {
                long value = stack.isPresent() ? m.stacks().getOrDefault(key, 0L) : m.total();
                s.getData().add(new XYChart.Data<>(category(m), value));
            }
            getData().add(s);
        }
        setLegendVisible(stack.isPresent());
    }

    static String category(MonthCount m) {
        return m.key() + m.change().map(c -> "\n" + c.text()).orElse("");
    }
}
