package org.groundtruth.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.groundtruth.core.Version;
import org.groundtruth.map.NetworkPolicy;
import org.groundtruth.map.imagery.DiskTileCache;
import org.groundtruth.store.Settings;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.TaskRunner;

/** The JavaFX application: theme, main window, and the investigation to open first. */
public final class WorkbenchApp extends Application {
    private Settings settings;
    private Path startupWorkspace;
    private boolean workspaceNamed;
    private TaskRunner runner;
    private WorkbenchViewModel vm;
    private MainWindow window;
    private WindowLayouts layouts;
    /** Where the basemap was looked for, when it was not found (for the welcome); empty when it was. */
    private java.util.List<Path> mapsSearched = java.util.List.of();

    public static void launchWindow(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    /** Runs on the launcher thread, so reading settings is not FX-thread I/O. */
    @Override
    public void init() {
        org.groundtruth.ui.common.StartupProbe.mark("init");
        settings = Settings.load();
        useLanguage(settings);
        NetworkPolicy.setOfflineOnly(settings.offlineOnly());
        DiskTileCache.setLimitMegabytes(settings.tileCacheMegabytes());
        if (org.groundtruth.map.MapsDirectory.locate().isEmpty()) {
            mapsSearched = org.groundtruth.map.MapsDirectory.candidates();
        }
        layouts = WindowLayouts.load(org.groundtruth.store.WorkspaceLocator.configDirectory());
        Optional<Path> named = requestedWorkspace(getParameters().getRaw());
        workspaceNamed = named.isPresent();
        startupWorkspace = WorkbenchViewModel.startupWorkspace(named, settings);
    }

    @Override
    public void start(Stage stage) {
        org.groundtruth.ui.common.StartupProbe.mark("start");
        runner = new TaskRunner();
        vm = new WorkbenchViewModel(runner, settings);
        window = new MainWindow(vm, runner);
        vm.useLayouts(layouts, window::currentLayout);
        // The whole screen it opens on, less the task bar (without a window manager "maximized" is not honoured, and a
        // fixed 1440x900 left a 1920x1080 screen a third empty), unless WindowPlacement restores saved bounds. The saved
        // layout is per investigation (dividers, tabs, incident, frame) and is applied inside this window.
        javafx.geometry.Rectangle2D screen = firstWindowBounds(javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(window, screen.getWidth(), screen.getHeight());
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        applyTheme(scene, settings.theme());
        vm.settingsProperty().addListener((o, was, now) -> {
            NetworkPolicy.setOfflineOnly(now.offlineOnly());
            DiskTileCache.setLimitMegabytes(now.tileCacheMegabytes());
            if (was.theme() != now.theme()) {
                applyTheme(now.theme());
            }
            if (!was.locale().equals(now.locale())) {
                useLanguage(now);
                rebuild(scene);
            }
        });
        stage.setTitle("Groundtruth " + Version.current());
        stage.titleProperty().bind(vm.workspacePathProperty().map(p -> p.isEmpty() ? "Groundtruth"
                : "Groundtruth \u2014 " + Path.of(p).getFileName()));
        stage.setScene(scene);
        stage.getIcons().setAll(Dialogs.appIcons());
        WindowPlacement.place(stage, layouts.window(), WindowPlacement.screens()); // as left, fitted to today's screens
        WindowPlacement.track(stage, layouts);
        org.groundtruth.ui.common.StartupProbe.mark("built");
        org.groundtruth.ui.common.StartupProbe.watch(scene);
        stage.show();
        vm.openAtStart(startupWorkspace, workspaceNamed);
        window.welcomeIfFirstRun(startupWorkspace, mapsSearched);
    }

    /** Where the first window goes: all of the screen's visual bounds (the screen less its task bars), no cap. */
    static javafx.geometry.Rectangle2D firstWindowBounds(javafx.geometry.Rectangle2D visual) {
        return new javafx.geometry.Rectangle2D(visual.getMinX(), visual.getMinY(), visual.getWidth(), visual.getHeight());
    }

    /** The AtlantaFX Primer theme (light) with Groundtruth's additions. */
    public static void applyTheme(Scene scene) {
        applyTheme(scene, Settings.Theme.LIGHT);
    }

    static void applyTheme(Scene scene, Settings.Theme theme) {
        applyTheme(theme);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/css/groundtruth.css").toExternalForm());
    }

    private static void applyTheme(Settings.Theme theme) {
        org.groundtruth.ui.map.MapAppearance.use(theme == Settings.Theme.DARK);
        Application.setUserAgentStylesheet(theme == Settings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** Every string is read when a view is built: a new language means new views over the same ViewModels. */
    private void rebuild(Scene scene) {
        MainWindow old = window;
        WindowLayout kept = old.currentLayout();
        window = new MainWindow(vm, runner);
        vm.useLayouts(layouts, window::currentLayout);
        scene.setRoot(window);
        window.applyLayout(kept);
        old.dispose();
        vm.relocalize();
    }

    private static void useLanguage(Settings settings) {
        Locale.setDefault(settings.locale());
        I18n.use(settings.locale());
    }

    @Override
    public void stop() {
        if (window != null && vm != null) {
            vm.rememberLayout(layouts);
        }
        if (window != null) {
            window.dispose();
        }
        if (vm != null) {
            vm.shutdown();
        }
        if (runner != null) {
            runner.shutdown();
        }
    }

    static Optional<Path> requestedWorkspace(List<String> args) {
        int i = args.indexOf("--workspace");
        return i >= 0 && i + 1 < args.size() ? Optional.of(Path.of(args.get(i + 1))) : Optional.empty();
    }
}
