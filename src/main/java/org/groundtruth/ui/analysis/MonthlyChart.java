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
        // The built-in legend does not show under the theme here; ours reuses the bars' colour classes.
        setLegendVisible(false);
    }

    /** A legend for the current series: a swatch with the bar colour class of each, and its name. */
    javafx.scene.layout.FlowPane legend() {
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2);
        legend.setId("monthly-legend");
        getData().addListener((javafx.collections.ListChangeListener<Series<String, Number>>) change -> fill(legend));
        fill(legend);
        return legend;
    }

    private void fill(javafx.scene.layout.FlowPane legend) {
        legend.getChildren().clear();
        if (getData().size() < 2) {
            return;
        }
        for (int i = 0; i < getData().size(); i++) {
            javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
            swatch.getStyleClass().setAll("chart-bar", "series" + i, "default-color" + (i % 8));
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            javafx.scene.control.Label item = new javafx.scene.control.Label(getData().get(i).getName(), swatch);
            legend.getChildren().add(item);
        }
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
    }

    static String category(MonthCount m) {
        return m.key() + m.change().map(c -> "\n" + c.text()).orElse("");
    }
}
