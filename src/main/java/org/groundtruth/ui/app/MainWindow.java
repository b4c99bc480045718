package org.groundtruth.ui.app;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.groundtruth.store.WorkspaceLocator;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.incident.EvidenceListView;
import org.groundtruth.ui.incident.IncidentFormView;
import org.groundtruth.ui.incident.IncidentListView;
import org.groundtruth.ui.incident.SourceView;
import org.groundtruth.ui.verify.HistoryView;
import org.groundtruth.ui.verify.VerificationView;
import org.groundtruth.ui.verify.VerificationViewModel;

/**
 * The workbench window: menu and tool bar, the incident list on the left, the work area (map, evidence
 * viewer, added by their features through {@link #addWorkArea}) in the middle, the selected incident's
 * details and evidence on the right, and a status bar with the workspace, counts and background progress.
 */
public final class MainWindow extends BorderPane {
    private static final javafx.scene.paint.Color SHADOW = javafx.scene.paint.Color.web("#6e40c9");
    private final WorkbenchViewModel vm;
    private final TaskRunner runner;
    private final SplitPane columns = new SplitPane();
    private final TabPane workArea = new TabPane();
    private final EvidenceListView evidenceView;
    private final EvidencePane evidencePane;
    private Tab evidenceTab;

    private javafx.beans.value.ChangeListener<org.groundtruth.store.Investigation> followInvestigation;

    public MainWindow(WorkbenchViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        this.teamStatus = new org.groundtruth.ui.team.TeamStatusViewModel(runner, vm.session()::investigation,
                vm.session()::analyst, org.groundtruth.store.team.KeyRing.user());
        getStyleClass().add("workbench");
        IncidentListView listView = new IncidentListView(vm.list());
        IncidentFormView formView = new IncidentFormView(vm.form(), vm::saved);
        evidenceView = new EvidenceListView(vm.evidence());

        TabPane incidentTabs = new TabPane(tab("tab.details", Icon.DETAILS, formView),
                tab("tab.sources", Icon.SOURCES, new SourceView(vm.sources(), vm.evidence())),
                tab("tab.verification", Icon.VERIFICATION, new VerificationView(vm.verification())),
                tab("tab.history", Icon.HISTORY, new HistoryView(vm.verification())));
        incidentTabs.setId("incident-tabs");
        incidentTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane details = new SplitPane(incidentTabs, titled(I18n.t("pane.evidence"), evidenceView));
        details.setOrientation(Orientation.VERTICAL);
        details.setDividerPositions(0.62);
        workArea.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        columns.getItems().addAll(listView, details);
        columns.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(listView, false);

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(columns);
        setBottom(statusBar());

        // The map (issue 3): markers follow the incident list, selection both ways, the selected incident's pins.
        org.groundtruth.ui.map.MapPane map = org.groundtruth.ui.map.MapWorkArea.create(runner, vm.list().incidents(),
                vm.list().selectedProperty(), vm.session()::investigation);
        Tab mapTab = addWorkArea(I18n.t("tab.map"), Icon.MAP, map);
        // The sun tool's expected shadow direction, drawn from the incident's location.
        vm.verification().setShadowDrawer(shadow -> {
            map.viewModel().lines().removeIf(l -> l.color().equals(SHADOW));
            shadow.ifPresent(s -> map.viewModel().lines().add(new org.groundtruth.ui.map.MapLine(s.from(), s.to(),
                    s.label(), SHADOW)));
        });
        // Units and the coordinate format from Settings.
        applyDisplaySettings(map, vm.settingsProperty().get());
        vm.settingsProperty().addListener((o, was, now) -> applyDisplaySettings(map, now));
        // Online tile sources from Settings become map layers (served from their cache when offline-only).
        addTileSources(map, List.of(), vm.settingsProperty().get().tileSources());
        vm.settingsProperty().addListener((o, was, now) -> addTileSources(map, was.tileSources(), now.tileSources()));
        // Imagery added to the map is kept with the investigation and comes back when it is opened.
        var investigationLayers = new org.groundtruth.ui.map.InvestigationLayers(map.viewModel(), runner);
        investigationLayers.use(vm.session().investigation().map(org.groundtruth.store.Investigation::directory));
        followInvestigation = (o, was, now) -> {
            investigationLayers.use(Optional.ofNullable(now).map(org.groundtruth.store.Investigation::directory));
            teamStatus.refresh();
        };
        teamStatus.setOnSynced(() -> {
            vm.list().refresh();
            vm.refreshCounts();
        });
        teamStatus.refresh();
        vm.session().investigationProperty().addListener(followInvestigation);
        // "Pick on map" in the pin form: show the map; the next click there gives the point.
        vm.verification().setPointPicker(receiver -> {
            workArea.getSelectionModel().select(mapTab);
            map.viewModel().pickPoint(receiver);
        });
        evidencePane = EvidencePane.create(EvidencePane.access(vm.session()::investigation, vm.session()::analyst),
                runner);
        vm.evidence().selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                evidencePane.clear();
            } else {
                evidencePane.show(now);
                workArea.getSelectionModel().select(evidenceTab);
            }
        });
        vm.evidence().incidentProperty().addListener((o, was, now) -> evidencePane.clear());
        evidenceTab = addWorkArea(I18n.t("tab.evidenceViewer"), Icon.EVIDENCE_VIEWER, evidencePane);
        // Insignia: boxes are drawn on the viewer, recorded ones are shown there, a listed one opens at its frame.
        vm.verification().setBoxDrawer(receiver -> {
            workArea.getSelectionModel().select(evidenceTab);
            if (!evidencePane.drawBox(d -> receiver.accept(new VerificationViewModel.DrawnBox(d.item().id(),
                    d.frameNumber(), d.box())))) {
                vm.verification().messageProperty().set(I18n.t("insignia.openFirst"));
            }
        });
        vm.verification().setFrameShower((item, frame) -> {
            workArea.getSelectionModel().select(evidenceTab);
            evidencePane.showAt(item, frame);
        });
        vm.verification().observations().addListener((javafx.collections.ListChangeListener<Object>) c ->
                evidencePane.showObservations(vm.verification().observations()));
        var analysis = new org.groundtruth.ui.analysis.DashboardViewModel(vm.session(), runner);
        vm.countsProperty().addListener((o, was, now) -> analysis.refresh());
        analysis.setOnIncidentChanged(vm::saved);
        Tab analysisTab = addWorkArea(I18n.t("tab.analysis"), Icon.ANALYSIS,
                new org.groundtruth.ui.analysis.DashboardView(analysis));
        // Incidents per region shaded on the map (issue 7), with the dashboard's filter; one switch in both places.
        var regionLayer = map.viewModel().choropleth();
        analysis.regionTotalsProperty().addListener((o, was, now) -> regionLayer.show(now.counts(), now.filterText(),
                now.summary()));
        regionLayer.visibleProperty().bindBidirectional(analysis.showRegionsOnMapProperty());
        analysis.showRegionsOnMapProperty().addListener((o, was, now) -> {
            if (now && workArea.getSelectionModel().getSelectedItem() == analysisTab) {
                workArea.getSelectionModel().select(mapTab);
            }
        });
        // Suspected double taps drawn on the map: first strike to follow-up, red when confirmed.
        analysis.mapPairs().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            map.viewModel().lines().removeIf(l -> !l.color().equals(SHADOW));
            for (var pair : analysis.mapPairs()) {
                map.viewModel().lines().add(new org.groundtruth.ui.map.MapLine(pair.first(), pair.second(), pair.label(),
                        pair.state().equals("confirmed") ? javafx.scene.paint.Color.web("#cf222e")
                                : pair.state().equals("dismissed") ? javafx.scene.paint.Color.web("#8c959f")
                                : javafx.scene.paint.Color.web("#bc4c00")));
            }
        });
    }

    private static void applyDisplaySettings(org.groundtruth.ui.map.MapPane map, org.groundtruth.store.Settings settings) {
        org.groundtruth.core.geo.Distances.useImperial(settings.units() == org.groundtruth.store.Settings.Units.IMPERIAL);
        map.viewModel().setPreferredCoordinateForm(settings.coordinates().ordinal());
        map.viewModel().redrawsProperty().set(map.viewModel().redrawsProperty().get() + 1);
    }

    private static void addTileSources(org.groundtruth.ui.map.MapPane map, List<String> before, List<String> now) {
        for (String template : now) {
            if (!before.contains(template)) {
                // No attribution known: the layer is named by its host. A bad template becomes the map's message.
                map.viewModel().addXyz(template, "", 19);
            }
        }
    }

    /** On the very first start, a welcome offering the demo, a new investigation or an existing one. */
    public void welcomeIfFirstRun() {
        if (vm.settingsProperty().get().welcomed()) {
            return;
        }
        vm.markWelcomed();
        WelcomeDialog.ask(window().orElse(null)).ifPresent(choice -> {
            switch (choice) {
                case NEW -> chooseFolder(true);
                case OPEN -> chooseFolder(false);
                default -> vm.open(WorkspaceLocator.demoWorkspace());
            }
        });
    }

    /** Stops the panels' background decoders (the window is closing). */
    public void dispose() {
        evidencePane.dispose();
        // A rebuilt window (new language) has its own map: this one must stop saving its layers.
        vm.session().investigationProperty().removeListener(followInvestigation);
    }

    /** Adds a feature's main view (map, evidence viewer) as a tab in the middle column. */
    public Tab addWorkArea(String title, Icon icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(icon.graphic());
        workArea.getTabs().add(tab);
        if (!columns.getItems().contains(workArea)) {
            columns.getItems().add(1, workArea);
            columns.setDividerPositions(0.22, 0.62);
        }
        return tab;
    }

    private MenuBar menuBar() {
        MenuItem newInvestigation = item("menu.newInvestigation", Icon.NEW_INVESTIGATION, null, () -> chooseFolder(true));
        MenuItem openInvestigation = item("menu.openInvestigation", Icon.OPEN_INVESTIGATION, "Shortcut+O",
                () -> chooseFolder(false));
        MenuItem openDemo = item("menu.openDemo", Icon.DEMO, null, () -> vm.open(WorkspaceLocator.demoWorkspace()));
        MenuItem importEvidence = item("menu.importEvidence", Icon.IMPORT_EVIDENCE, "Shortcut+I",
                evidenceView::chooseAndImport);
        MenuItem exportCase = item("menu.exportCase", Icon.EXPORT_CASE, null, () -> org.groundtruth.ui.casefile.ExportCaseDialog.run(
                window().orElse(null), new org.groundtruth.ui.casefile.ExportCaseViewModel(runner,
                        vm.session()::investigation, vm.session()::analyst,
                        () -> new org.groundtruth.core.casefile.ReportFigures(
                                org.groundtruth.map.report.BasemapSnapshots.shipped(),
                                new org.groundtruth.media.EvidenceFrameFigures())), vm::refreshCounts));
        MenuItem importFeatures = item("menu.importFeatures", Icon.IMPORT_FEATURES, null, () -> org.groundtruth.ui.casefile.ImportFeaturesDialog
                .run(window().orElse(null), new org.groundtruth.ui.casefile.ImportFeaturesViewModel(runner,
                        vm.session()::investigation, vm.session()::analyst), () -> {
                            vm.list().refresh();
                            vm.refreshCounts();
                        }));
        MenuItem openCase = item("menu.openCase", Icon.OPEN_CASE, null, () -> org.groundtruth.ui.casefile.ImportCaseDialog.run(
                window().orElse(null), new org.groundtruth.ui.casefile.ImportCaseViewModel(runner,
                        vm.session()::investigation, vm.session()::analyst), () -> {
                            vm.list().refresh();
                            vm.refreshCounts();
                        }));
        MenuItem team = new MenuItem(I18n.t("menu.team"));
        team.setOnAction(e -> org.groundtruth.ui.team.TeamDialog.show(window().orElse(null), new org.groundtruth.ui.team
                .TeamViewModel(runner, vm.session()::investigation, vm.session()::analyst,
                        org.groundtruth.store.team.KeyRing.user()).withStatusBar(teamStatus), () -> {
                            vm.list().refresh();
                            vm.refreshCounts();
                        }));
        importEvidence.setId("menu-import");
        MenuItem quit = item("menu.quit", Icon.QUIT, "Shortcut+Q", () -> window().ifPresent(Window::hide));
        Menu file = new Menu(I18n.t("menu.file"), null, newInvestigation, openInvestigation, openDemo,
                new SeparatorMenuItem(), importEvidence, importFeatures, openCase, exportCase, team, new SeparatorMenuItem(), quit);

        MenuItem newIncident = item("menu.newIncident", Icon.NEW_INCIDENT, "Shortcut+N", vm::newIncident);
        MenuItem analyst = item("menu.analyst", Icon.ANALYST, null, this::askAnalyst);
        MenuItem settings = item("menu.settings", Icon.SETTINGS, "Shortcut+Comma", () -> new SettingsDialog(window().orElse(null),
                vm.settingsProperty().get()).showAndWait().ifPresent(vm::applySettings));
        Menu edit = new Menu(I18n.t("menu.edit"), null, newIncident, analyst, new SeparatorMenuItem(), settings);

        MenuItem shortcuts = item("menu.shortcuts", Icon.SHORTCUTS, "F1", () -> HelpDialogs.shortcuts(window().orElse(null)));
        MenuItem workflow = item("menu.workflow", Icon.WORKFLOW, null, () -> HelpDialogs.workflow(window().orElse(null)));
        MenuItem about = item("menu.about", Icon.ABOUT, null, () -> AboutDialog.show(window().orElse(null)));
        Menu help = new Menu(I18n.t("menu.help"), null, shortcuts, workflow, new SeparatorMenuItem(), about);
        return new MenuBar(file, edit, help);
    }

    private ToolBar toolBar() {
        Button newIncident = new Button(I18n.t("toolbar.newIncident"), Icon.NEW_INCIDENT.graphic());
        newIncident.setId("new-incident");
        newIncident.setOnAction(e -> vm.newIncident());
        Button importEvidence = new Button(I18n.t("toolbar.importEvidence"), Icon.IMPORT_EVIDENCE.graphic());
        importEvidence.setId("toolbar-import");
        importEvidence.disableProperty().bind(vm.evidence().incidentProperty().isNull());
        importEvidence.setOnAction(e -> evidenceView.chooseAndImport());
        Label analyst = new Label();
        analyst.getStyleClass().add("muted");
        analyst.textProperty().bind(vm.session().analystProperty().map(a -> I18n.t("toolbar.analyst", a)));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(newIncident, importEvidence, spring, analyst);
    }

    /** The status bar's team line (issue 17), refreshed when an investigation opens. */
    private final org.groundtruth.ui.team.TeamStatusViewModel teamStatus;

    private HBox statusBar() {
        Label workspace = new Label();
        workspace.setId("status-workspace");
        workspace.textProperty().bind(vm.workspacePathProperty());
        Label counts = new Label();
        counts.setId("status-counts");
        counts.textProperty().bind(vm.countsProperty());
        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(vm.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(runner.progressProperty());
        progress.setPrefWidth(160);
        Label task = new Label();
        task.textProperty().bind(runner.titleProperty());
        Button cancel = new Button(I18n.t("action.cancel"), Icon.CANCEL.graphic());
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> runner.cancelCurrent());
        HBox busy = new HBox(6, task, progress, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(runner.busyProperty());
        busy.managedProperty().bind(runner.busyProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox bar = new HBox(10, workspace, new Separator(Orientation.VERTICAL), counts,
                new Separator(Orientation.VERTICAL), status, spring, org.groundtruth.ui.team.TeamStatusBar.create(teamStatus),
                busy);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    private static Tab tab(String key, Icon icon, Node content) {
        Tab tab = new Tab(I18n.t(key), content);
        tab.setGraphic(icon.graphic());
        return tab;
    }

    private static VBox titled(String title, Node content) {
        Label header = new Label(title);
        header.getStyleClass().add("pane-header");
        header.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(header, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private void chooseFolder(boolean create) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.t(create ? "menu.newInvestigation" : "menu.openInvestigation"));
        File dir = chooser.showDialog(window().orElse(null));
        if (dir != null) {
            vm.open(dir.toPath(), create);
        }
    }

    private void askAnalyst() {
        TextInputDialog dialog = Dialogs.textInput(window().orElse(null), vm.session().analyst());
        dialog.setTitle(I18n.t("menu.analyst"));
        dialog.setHeaderText(I18n.t("dialog.analystHeader"));
        dialog.setGraphic(Icon.ANALYST.header());
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(vm::changeAnalyst);
    }

    private Optional<Window> window() {
        return Optional.ofNullable(getScene()).map(javafx.scene.Scene::getWindow);
    }

    private static MenuItem item(String key, Icon icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(I18n.t(key), icon.graphic());
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
