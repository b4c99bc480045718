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
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.incident.EvidenceListView;
import org.groundtruth.ui.incident.IncidentFormView;
import org.groundtruth.ui.incident.IncidentListView;
import org.groundtruth.ui.incident.SourceView;
import org.groundtruth.ui.verify.HistoryView;
import org.groundtruth.ui.verify.VerificationView;

/**
 * The workbench window: menu and tool bar, the incident list on the left, the work area (map, evidence
 * viewer, added by their features through {@link #addWorkArea}) in the middle, the selected incident's
 * details and evidence on the right, and a status bar with the workspace, counts and background progress.
 */
public final class MainWindow extends BorderPane {
    private final WorkbenchViewModel vm;
    private final TaskRunner runner;
    private final SplitPane columns = new SplitPane();
    private final TabPane workArea = new TabPane();
    private final EvidenceListView evidenceView;
    private final EvidencePane evidencePane;
    private final SplitPane details;
    private final TabPane incidentTabs;
    private Panels panels;
    private final javafx.beans.value.ChangeListener<WindowLayout> restoreLayout = (o, was, now) -> applyLayout(now);

    /** Everything this window listens to on the ViewModels, which outlive it; removed by {@link #dispose()}. */
    private final org.groundtruth.ui.common.Subscriptions subscriptions = new org.groundtruth.ui.common.Subscriptions();

    public MainWindow(WorkbenchViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        this.wiring = new WorkbenchWiring(vm, runner, subscriptions);
        this.teamStatus = wiring.teamStatus();
        getStyleClass().add("workbench");
        IncidentListView listView = new IncidentListView(vm.list());
        IncidentFormView formView = new IncidentFormView(vm.form(), vm::saved);
        evidenceView = new EvidenceListView(vm.evidence());

        incidentTabs = new TabPane(tab("tab.details", Icon.DETAILS, formView),
                tab("tab.sources", Icon.SOURCES, new SourceView(vm.sources(), vm.evidence())),
                tab("tab.verification", Icon.VERIFICATION, new VerificationView(vm.verification())),
                tab("tab.history", Icon.HISTORY, new HistoryView(vm.verification())),
                tab("tab.redFlags", Icon.VERIFICATION, new org.groundtruth.ui.verify.RedFlagsView(
                        new org.groundtruth.ui.verify.RedFlagsViewModel(vm.session(), runner,
                                vm.verification().incidentProperty()))));
        incidentTabs.setId("incident-tabs");
        incidentTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details = new SplitPane(incidentTabs, titled(I18n.t("pane.evidence"), evidenceView));
        details.setOrientation(Orientation.VERTICAL);
        details.setDividerPositions(0.62);
        workArea.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        columns.getItems().addAll(listView, details);
        columns.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(listView, false);

        MenuBar menus = menuBar();
        // Menus and tools share one row: on a 768-px screen every line of chrome is a line less of video.
        ToolBar tools = toolBar();
        HBox.setHgrow(tools, Priority.ALWAYS);
        HBox chrome = new HBox(menus, tools);
        chrome.getStyleClass().add("window-chrome");
        chrome.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(new VBox(chrome, banner()));
        setCenter(columns);
        setBottom(statusBar());

        // The map (issue 3): markers follow the incident list, selection both ways, the selected incident's pins.
        org.groundtruth.ui.map.MapPane map = org.groundtruth.ui.map.MapWorkArea.create(runner, vm.list().incidents(),
                vm.list().selectedProperty(), vm.session()::investigation, subscriptions);
        Tab mapTab = addWorkArea(I18n.t("tab.map"), Icon.MAP, map);
        // Units, coordinate format and tile sources from Settings; imagery and team status follow the investigation.
        wiring.connect(map, teamStatus);
        var evidenceAccess = EvidenceAccess.of(vm.session()::investigation, vm.session()::analyst);
        evidencePane = EvidencePane.create(evidenceAccess, runner);
        // On a narrow column the viewer keeps its controls whole and scrolls sideways rather than cutting them off.
        javafx.scene.control.ScrollPane viewerScroll = new javafx.scene.control.ScrollPane(evidencePane);
        viewerScroll.setFitToWidth(true);
        viewerScroll.setFitToHeight(true);
        viewerScroll.getStyleClass().add("edge-to-edge");
        SplitPane evidenceAndMap = new SplitPane(viewerScroll);
        evidenceAndMap.setOrientation(Orientation.VERTICAL);
        Tab evidenceTab = addWorkArea(I18n.t("tab.evidenceViewer"), Icon.EVIDENCE_VIEWER, evidenceAndMap);
        var analysis = new org.groundtruth.ui.analysis.DashboardViewModel(vm.session(), runner);
        Tab analysisTab = addWorkArea(I18n.t("tab.analysis"), Icon.ANALYSIS,
                new org.groundtruth.ui.analysis.DashboardView(analysis));
        // How the features reach each other (map, viewer, verification, dashboard, team sync) is FeatureWiring's.
        FeatureWiring features = new FeatureWiring(vm, runner, subscriptions, new FeatureWiring.Tabs(
                workArea.getSelectionModel(), incidentTabs.getSelectionModel(), mapTab, evidenceTab, analysisTab));
        features.mapAndVerification(map);
        features.teamSync(teamStatus);
        features.viewerAndEvidence(evidencePane);
        features.flightOnMap(evidencePane, evidenceAccess, map, evidenceAndMap);
        features.findOnMap(evidencePane, map);
        features.dashboard(analysis, map);
        subscriptions.listen(vm.restoredLayoutProperty(), restoreLayout);
        // 1366x768: labels, buttons, choices and column headers stay whole; the map and the forms' fields give way.
        org.groundtruth.ui.common.WholeText.keep(this);
        // The first frame lays out only the tabs on screen; the others join the scene when first chosen.
        DeferredTabs.untilSelected(workArea);
        DeferredTabs.untilSelected(incidentTabs);
        // Columns collapse, and F11 gives the map or the video the whole window.
        panels = new Panels(columns, listView, workArea, details);
        menus.getMenus().add(2, panels.menu());
    }

    /** The collapsible columns (tests). */
    Panels panels() {
        return panels;
    }

    /** On the very first start, a welcome offering the demo, a new investigation or an existing one. */
    public void welcomeIfFirstRun(java.nio.file.Path opening, java.util.List<java.nio.file.Path> mapsSearched) {
        if (wiring.welcomed()) {
            return;
        }
        vm.markWelcomed();
        boolean demo = opening.toAbsolutePath().normalize().equals(
                wiring.demoWorkspace().toAbsolutePath().normalize());
        WelcomeDialog.ask(window().orElse(null), opening, demo, mapsSearched).ifPresent(choice -> {
            switch (choice) {
                case NEW -> chooseFolder(true);
                case OPEN -> chooseFolder(false);
                default -> vm.open(wiring.demoWorkspace());
            }
        });
    }

    /** The layout as it is now: dividers, tabs, the incident, item and frame on screen. */
    public WindowLayout currentLayout() {
        return new WindowLayout(java.util.Arrays.stream(columns.getDividerPositions()).boxed().toList(),
                java.util.Arrays.stream(details.getDividerPositions()).boxed().findFirst(),
                Math.max(0, workArea.getSelectionModel().getSelectedIndex()),
                Math.max(0, incidentTabs.getSelectionModel().getSelectedIndex()),
                Optional.ofNullable(vm.list().selectedProperty().get()).map(org.groundtruth.core.incident.Incident::id),
                Optional.ofNullable(vm.evidence().selectedProperty().get()).map(org.groundtruth.core.evidence.EvidenceItem::id),
                evidencePane.frameOnScreen());
    }

    /** Dividers and tabs as they were (the incident, item and frame are restored by the ViewModel). */
    public void applyLayout(WindowLayout layout) {
        if (layout.columnDividers().size() == columns.getDividers().size()) {
            columns.setDividerPositions(layout.columnDividers().stream().mapToDouble(Double::doubleValue).toArray());
        }
        layout.detailsDivider().ifPresent(details::setDividerPositions);
        if (layout.workAreaTab() < workArea.getTabs().size()) {
            workArea.getSelectionModel().select(layout.workAreaTab());
        }
        if (layout.incidentTab() < incidentTabs.getTabs().size()) {
            incidentTabs.getSelectionModel().select(layout.incidentTab());
        }
    }

    /** Stops the panels' background decoders (the window is closing). */
    public void dispose() {
        // A rebuilt window (new language, another investigation) has its own map and viewer: this one stops
        // listening, closes its map (tile threads, basemap and gazetteer files) and its video decoder.
        subscriptions.dispose();
        evidencePane.dispose();
    }

    /** How many listeners and resources this window holds on longer-lived objects (tests). */
    int subscriptionCount() {
        return subscriptions.size();
    }

    /** Adds a feature's main view (map, evidence viewer) as a tab in the middle column. */
    public Tab addWorkArea(String title, Icon icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(icon.graphic());
        workArea.getTabs().add(tab);
        if (!columns.getItems().contains(workArea)) {
            columns.getItems().add(1, workArea);
            columns.setDividerPositions(0.19, 0.62); // at 1366 px the map's tool bar fits whole
        }
        return tab;
    }

    private MenuBar menuBar() {
        MenuItem newInvestigation = item("menu.newInvestigation", Icon.NEW_INVESTIGATION, null, () -> chooseFolder(true));
        MenuItem openInvestigation = item("menu.openInvestigation", Icon.OPEN_INVESTIGATION, "Shortcut+O",
                () -> chooseFolder(false));
        MenuItem openDemo = item("menu.openDemo", Icon.DEMO, null, () -> vm.open(wiring.demoWorkspace()));
        MenuItem importEvidence = item("menu.importEvidence", Icon.IMPORT_EVIDENCE, "Shortcut+I",
                evidenceView::chooseAndImport);
        MenuItem exportCase = item("menu.exportCase", Icon.EXPORT_CASE, null, () -> org.groundtruth.ui.casefile.ExportCaseDialog.run(
                window().orElse(null), new org.groundtruth.ui.casefile.ExportCaseViewModel(runner,
                        vm.session()::investigation, vm.session()::analyst,
                        () -> new org.groundtruth.core.casefile.ReportFigures(
                                org.groundtruth.map.report.BasemapSnapshots.shipped(),
                                new org.groundtruth.media.EvidenceFrameFigures(),
                                new org.groundtruth.map.report.MatchOverlays())), vm::refreshCounts));
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
        MenuItem teamProject = new MenuItem(I18n.t("menu.team.project"));
        teamProject.setOnAction(e -> org.groundtruth.ui.team.TeamDialog.show(window().orElse(null),
                wiring.team(teamStatus), () -> {
                    vm.list().refresh();
                    vm.refreshCounts();
                }));
        MenuItem teamInit = new MenuItem(I18n.t("menu.team.init"));
        teamInit.setOnAction(e -> org.groundtruth.ui.team.TeamAdminDialog.showInit(window().orElse(null),
                new org.groundtruth.ui.team.TeamAdminViewModel(runner)));
        MenuItem teamAdd = new MenuItem(I18n.t("menu.team.add"));
        teamAdd.setOnAction(e -> org.groundtruth.ui.team.TeamAdminDialog.showRegister(window().orElse(null),
                new org.groundtruth.ui.team.TeamAdminViewModel(runner)));
        MenuItem teamKey = new MenuItem(I18n.t("menu.team.key"));
        teamKey.setOnAction(e -> org.groundtruth.ui.team.MyKeyDialog.show(window().orElse(null), wiring.myKey()));
        Menu team = new Menu(I18n.t("menu.teamMenu"), null, teamProject, teamKey, new SeparatorMenuItem(),
                teamInit, teamAdd);
        team.setId("menu-team");
        importEvidence.setId("menu-import");
        var readOnly = vm.session().readOnlyProperty();
        importEvidence.disableProperty().bind(readOnly);
        importFeatures.disableProperty().bind(readOnly);
        openCase.disableProperty().bind(readOnly);
        MenuItem quit = item("menu.quit", Icon.QUIT, "Shortcut+Q", () -> window().ifPresent(Window::hide));
        Menu file = new Menu(I18n.t("menu.file"), null, newInvestigation, openInvestigation, openDemo,
                new SeparatorMenuItem(), importEvidence, importFeatures, openCase, exportCase, team, new SeparatorMenuItem(), quit);

        MenuItem newIncident = item("menu.newIncident", Icon.NEW_INCIDENT, "Shortcut+N", vm::newIncident);
        MenuItem analyst = item("menu.analyst", Icon.ANALYST, null, this::askAnalyst);
        MenuItem settings = item("menu.settings", Icon.SETTINGS, "Shortcut+Comma", 
                () -> wiring.editSettings(window().orElse(null)));
        newIncident.disableProperty().bind(vm.session().readOnlyProperty());
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
        newIncident.disableProperty().bind(vm.session().readOnlyProperty());
        Button importEvidence = new Button(I18n.t("toolbar.importEvidence"), Icon.IMPORT_EVIDENCE.graphic());
        importEvidence.setId("toolbar-import");
        importEvidence.disableProperty().bind(vm.evidence().incidentProperty().isNull()
                .or(vm.session().readOnlyProperty()));
        importEvidence.setOnAction(e -> evidenceView.chooseAndImport());
        Label analyst = new Label();
        analyst.getStyleClass().add("muted");
        analyst.textProperty().bind(vm.session().analystProperty().map(a -> I18n.t("toolbar.analyst", a)));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        return new ToolBar(newIncident, importEvidence, spring, analyst);
    }

    /** Why the investigation is read-only (or could not be opened); hidden when there is nothing to say. */
    private Label banner() {
        Label banner = new Label();
        banner.setId("workspace-banner");
        banner.getStyleClass().add("workspace-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setGraphic(Icon.ABOUT.graphic());
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** The status bar's team line (issue 17), refreshed when an investigation opens. */
    private final org.groundtruth.ui.team.TeamStatusViewModel teamStatus;
    /** The cross-feature connections that need the store (Settings, investigation folder, key ring). */
    private final WorkbenchWiring wiring;

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
