package org.groundtruth.ui.analysis;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.groundtruth.core.analysis.CountRow;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * The Analysis tab: filters on top, the monthly chart and the per-region table, the double-tap list with
 * confirm/dismiss below, and the filter that produced the numbers always in view. Binds to
 * {@link DashboardViewModel}; exports write files in the background.
 */
public final class DashboardView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DashboardViewModel vm;
    private final MonthlyChart chart = new MonthlyChart();

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        getStyleClass().add("analysis-dashboard");
        Label filter = wrapping(new Label());
        filter.setId("analysis-filter");
        filter.setStyle("-fx-font-weight: bold; -fx-text-fill: -color-accent-fg;");
        filter.textProperty().bind(vm.filterTextProperty());
        filter.setWrapText(true);
        Label message = new Label();
        message.setId("analysis-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        setTop(new VBox(4, filterBar(), filter, message));
        BorderPane.setMargin(getTop(), new Insets(6, 8, 4, 8));

        SplitPane upper = new SplitPane(chartPane(), regionPane());
        upper.setDividerPositions(0.5);
        SplitPane center = new SplitPane(upper, doubleTapPane());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.58);
        setCenter(center);
        vm.seriesProperty().addListener((o, was, now) -> chart.show(now));
        chart.show(vm.seriesProperty().get());
    }

    private FlowPane filterBar() {
        DatePicker from = new DatePicker();
        from.setId("analysis-from");
        from.setPromptText(I18n.t("filter.from"));
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.setId("analysis-to");
        to.setPromptText(I18n.t("filter.to"));
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        to.setPrefWidth(130);
        ComboBox<Choice<VerificationStatus>> status = new ComboBox<>();
        status.setId("analysis-status");
        status.getItems().setAll(Choice.of(VerificationStatus.class, "filter.allStatuses"));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<Choice<TargetType>> target = new ComboBox<>();
        target.setId("analysis-target");
        target.getItems().setAll(Choice.of(TargetType.class, "analysis.allTargets"));
        target.valueProperty().bindBidirectional(vm.targetTypeProperty());
        ComboBox<Choice<StrikeType>> strike = new ComboBox<>();
        strike.setId("analysis-strike");
        strike.getItems().setAll(Choice.of(StrikeType.class, "analysis.allStrikeTypes"));
        strike.valueProperty().bindBidirectional(vm.strikeTypeProperty());
        TextField tags = new TextField();
        tags.setId("analysis-tags");
        tags.setPromptText(I18n.t("analysis.tagsPrompt"));
        tags.textProperty().bindBidirectional(vm.tagsProperty());
        tags.setOnAction(e -> vm.refresh());
        tags.setPrefColumnCount(12);
        tags.setTooltip(new javafx.scene.control.Tooltip(I18n.t("analysis.tagsTip")));
        org.groundtruth.ui.common.WholePrompt.keep(tags, 0);
        ComboBox<StackChoice> stack = new ComboBox<>();
        stack.setId("analysis-stack");
        stack.getItems().setAll(StackChoice.all());
        stack.valueProperty().bindBidirectional(vm.stackByProperty());
        Button refresh = new Button(I18n.t("analysis.refresh"), Icon.REFRESH.graphic());
        refresh.setId("analysis-refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button png = new Button(I18n.t("analysis.exportPng"), Icon.EXPORT_PNG.graphic());
        png.setId("analysis-export-png");
        png.disableProperty().bind(vm.seriesProperty().isNull());
        png.setOnAction(e -> choose("png").ifPresent(this::exportPng));
        Button svg = new Button(I18n.t("analysis.exportSvg"), Icon.EXPORT_SVG.graphic());
        svg.setId("analysis-export-svg");
        svg.disableProperty().bind(vm.seriesProperty().isNull());
        svg.setOnAction(e -> choose("svg").ifPresent(vm::exportSvg));
        FlowPane bar = new FlowPane(6, 6, new Label(I18n.t("filter.from")), from, new Label(I18n.t("filter.to")), to,
                status, target, strike, new Label(I18n.t("analysis.tags")), tags, new Label(I18n.t("analysis.stackBy")),
                stack, refresh, png, svg);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox chartPane() {
        Label title = header("analysis.perMonth");
        Label summary = wrapping(new Label());
        summary.setId("analysis-month-summary");
        summary.textProperty().bind(vm.monthSummaryProperty());
        VBox box = new VBox(4, title, chart, chart.legend(), summary);
        VBox.setVgrow(chart, Priority.ALWAYS);
        // The chart draws at any width; it gives the region table the room its names need.
        box.setMinWidth(230);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private VBox regionPane() {
        TableView<CountRow> table = new TableView<>(vm.regions());
        table.setId("analysis-regions");
        TableColumn<CountRow, String> region = new TableColumn<>(I18n.t("analysis.region"));
        region.setCellValueFactory(c -> Bindings.createStringBinding(() -> org.groundtruth.core.geo.UkrainianRegions
                .display(c.getValue().key(), I18n.isUkrainian() ? "uk" : "en")));
        region.setPrefWidth(170);
        // The column is as wide as the longest region name in the table («Дніпропетровська область» was cut to
        // «Дніпроп…» at 1366×768), and the pane asks the split for that room.
        javafx.beans.InvalidationListener fit = o -> {
            double widest = vm.regions().stream().mapToDouble(r -> textWidth(org.groundtruth.core.geo.UkrainianRegions
                    .display(r.key(), I18n.isUkrainian() ? "uk" : "en"))).max().orElse(0);
            region.setMinWidth(Math.max(80, Math.ceil(widest) + 20));
        };
        vm.regions().addListener(fit);
        fit.invalidated(null);
        TableColumn<CountRow, String> count = new TableColumn<>(I18n.t("analysis.countColumn"));
        count.setCellValueFactory(c -> Bindings.createStringBinding(() -> Long.toString(c.getValue().count())));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        // Wide enough for its header in either language («Інциденти» was cut once the region column took its room).
        count.setMinWidth(Math.max(48, Math.ceil(textWidth(I18n.t("analysis.countColumn"))) + 28));
        table.getColumns().setAll(java.util.List.of(region, count));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.t("analysis.noData")));
        Label summary = wrapping(new Label());
        summary.setId("analysis-region-summary");
        summary.textProperty().bind(vm.regionSummaryProperty());
        javafx.scene.control.CheckBox onMap = new javafx.scene.control.CheckBox(I18n.t("analysis.showOnMap"));
        onMap.setId("analysis-regions-on-map");
        onMap.setTooltip(new javafx.scene.control.Tooltip(I18n.t("analysis.showOnMapTip")));
        onMap.selectedProperty().bindBidirectional(vm.showRegionsOnMapProperty());
        onMap.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // On its own line: the region column is narrow, and a truncated "Show …" would hide what it does.
        VBox box = new VBox(4, header("analysis.perRegion"), onMap, table, summary);
        box.minWidthProperty().bind(region.minWidthProperty().add(count.minWidthProperty()).add(16 + 20 + 4));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4, 8, 4, 8));
        return box;
    }

    private static double textWidth(String text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(javafx.scene.text.Font.getDefault());
        return measure.getLayoutBounds().getWidth();
    }

    private VBox doubleTapPane() {
        TextField radius = new TextField();
        radius.setId("analysis-radius");
        radius.setPrefColumnCount(6);
        radius.textProperty().bindBidirectional(vm.radiusProperty());
        radius.setOnAction(e -> vm.refresh());
        TextField window = new TextField();
        window.setId("analysis-window");
        window.setPrefColumnCount(6);
        window.setPromptText(I18n.t("analysis.windowPrompt"));
        window.textProperty().bindBidirectional(vm.windowProperty());
        window.setOnAction(e -> vm.refresh());
        Button search = new Button(I18n.t("analysis.search"), Icon.SEARCH.graphic());
        search.setId("analysis-search");
        search.setOnAction(e -> vm.refresh());
        Label summary = wrapping(new Label());
        summary.setId("analysis-doubletap-summary");
        summary.textProperty().bind(vm.doubleTapSummaryProperty());
        FlowPane params = new FlowPane(6, 4, header("analysis.doubleTaps"), new Label(I18n.t("analysis.radius")), radius,
                new Label(I18n.t("analysis.window")), window, search);
        params.setAlignment(Pos.CENTER_LEFT);

        TableView<DoubleTapRow> table = new TableView<>(vm.doubleTaps());
        table.setId("analysis-doubletaps");
        table.getColumns().setAll(java.util.List.of(
                column("analysis.group", r -> r.isChain() ? r.group() + " \u00b7 " + I18n.t("analysis.chain", r.groupSize())
                        : Integer.toString(r.group()), 80),
                column("analysis.first", r -> r.firstAt().map(TIME::format).orElse("") + "  " + r.firstLabel(), 300),
                column("analysis.second", r -> r.secondAt().map(TIME::format).orElse("") + "  " + r.secondLabel(), 300),
                column("analysis.distance", r -> DashboardViewModel.distance(r.pair()), 90),
                column("analysis.gap", r -> DashboardViewModel.gap(r.pair()), 90),
                column("analysis.decision", r -> r.decision().map(I18n::label).orElse(I18n.t("analysis.undecided")), 110)));
        table.setPlaceholder(new Label(I18n.t("analysis.noDoubleTaps")));
        TextField reason = new TextField();
        reason.setId("analysis-reason");
        reason.setPromptText(I18n.t("analysis.reasonPrompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button confirm = new Button(I18n.t("analysis.confirm"), Icon.CONFIRM.graphic());
        confirm.setId("analysis-confirm");
        Button dismiss = new Button(I18n.t("analysis.dismiss"), Icon.DISMISS.graphic());
        dismiss.setId("analysis-dismiss");
        confirm.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        dismiss.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        confirm.setOnAction(e -> decide(table, DoubleTapVerdict.CONFIRMED, reason));
        dismiss.setOnAction(e -> decide(table, DoubleTapVerdict.DISMISSED, reason));
        Label reasonLabel = new Label(I18n.t("analysis.reason"));
        for (javafx.scene.layout.Region fixed : java.util.List.of(reasonLabel, confirm, dismiss)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(6, reasonLabel, reason, confirm, dismiss);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, params, summary, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4, 8, 6, 8));
        return box;
    }

    private void decide(TableView<DoubleTapRow> table, DoubleTapVerdict verdict, TextField reason) {
        DoubleTapRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.decide(row, verdict, reason.getText(), reason::clear);
        }
    }

    private static TableColumn<DoubleTapRow, String> column(String key,
            java.util.function.Function<DoubleTapRow, String> text, double width) {
        TableColumn<DoubleTapRow, String> column = new TableColumn<>(I18n.t(key));
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A label that wraps instead of eliding: these lines carry the numbers' context. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Label header(String key) {
        Label label = new Label(I18n.t(key));
        label.setStyle("-fx-font-weight: bold;");
        return wrapping(label);
    }

    private Optional<Path> choose(String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t(extension.equals("png") ? "analysis.exportPng" : "analysis.exportSvg"));
        chooser.setInitialFileName("incidents-per-month." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(file).map(File::toPath);
    }

    /**
     * Renders the chart off-screen at a fixed size with its title and filter (a snapshot must be taken on the FX
     * thread), then encodes and writes the PNG in the background.
     */
    public void exportPng(Path target) {
        MonthlySeries series = vm.seriesProperty().get();
        if (series == null) {
            return;
        }
        MonthlyChart offscreen = new MonthlyChart();
        offscreen.show(series);
        Label title = new Label(I18n.t("analysis.perMonth"));
        title.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        Label filter = new Label(vm.filterTextProperty().get());
        VBox page = new VBox(6, title, filter, offscreen, offscreen.legend());
        VBox.setVgrow(offscreen, Priority.ALWAYS);
        page.setPadding(new Insets(16));
        page.setStyle("-fx-background-color: white;");
        Scene scene = new Scene(page, 1200, 640);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        page.applyCss();
        page.layout();
        WritableImage image = page.snapshot(null, null);
        vm.write(target, progress -> {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png);
            return png.toByteArray();
        });
    }

    /** For the window test and the menu: the SVG export without a file dialog. */
    public void exportSvg(Path target) {
        vm.exportSvg(target);
    }
}
