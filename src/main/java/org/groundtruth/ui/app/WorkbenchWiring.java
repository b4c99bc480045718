package org.groundtruth.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.Distances;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.WorkspaceLocator;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.ui.common.Subscriptions;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.map.InvestigationLayers;
import org.groundtruth.ui.map.MapPane;
import org.groundtruth.ui.team.TeamStatusViewModel;
import org.groundtruth.ui.team.TeamViewModel;

/**
 * The window's cross-feature wiring that needs the store: Settings to the map (units, coordinate form, online tile
 * sources), the imagery kept with the investigation and the team status following the open investigation, the
 * user's key ring for the team features, the demo workspace. {@link MainWindow} composes the views and hands these
 * connections to this class, so the view itself does not reach the store. Listeners go into the window's
 * {@link Subscriptions} and are removed with it.
 */
final class WorkbenchWiring {
    private final WorkbenchViewModel vm;
    private final TaskRunner runner;
    private final Subscriptions subscriptions;

    WorkbenchWiring(WorkbenchViewModel vm, TaskRunner runner, Subscriptions subscriptions) {
        this.vm = vm;
        this.runner = runner;
        this.subscriptions = subscriptions;
    }

    /** The team status shown in the status bar, with the user's key ring. */
    TeamStatusViewModel teamStatus() {
        return new TeamStatusViewModel(runner, vm.session()::investigation, vm.session()::analyst, KeyRing.user());
    }

    /** The team dialog's ViewModel, reporting to the status bar's {@code status}. */
    TeamViewModel team(TeamStatusViewModel status) {
        return new TeamViewModel(runner, vm.session()::investigation, vm.session()::analyst, KeyRing.user())
                .withStatusBar(status);
    }

    /** The "My key" dialog's ViewModel for the analyst using the window. */
    org.groundtruth.ui.team.MyKeyViewModel myKey() {
        return new org.groundtruth.ui.team.MyKeyViewModel(runner, vm.session()::analyst, KeyRing.user());
    }

    /**
     * Units, the coordinate form and online tile sources follow Settings; imagery layers and the team status follow
     * the open investigation.
     */
    void connect(MapPane map, TeamStatusViewModel teamStatus) {
        applyDisplaySettings(map, vm.settingsProperty().get());
        subscriptions.listen(vm.settingsProperty(), (o, was, now) -> applyDisplaySettings(map, now));
        // Online tile sources from Settings become map layers (served from their cache when offline-only).
        addTileSources(map, List.of(), vm.settingsProperty().get().tileSources());
        subscriptions.listen(vm.settingsProperty(), (o, was, now) -> addTileSources(map, was.tileSources(), now.tileSources()));
        // Imagery added to the map is kept with the investigation and comes back when it is opened.
        var investigationLayers = new InvestigationLayers(map.viewModel(), runner);
        investigationLayers.use(vm.session().investigation().map(Investigation::directory));
        subscriptions.listen(vm.session().investigationProperty(), (o, was, now) -> {
            investigationLayers.use(Optional.ofNullable(now).map(Investigation::directory));
            teamStatus.refresh();
        });
    }

    /** True once the first-run welcome was shown. */
    boolean welcomed() {
        return vm.settingsProperty().get().welcomed();
    }

    Path demoWorkspace() {
        return WorkspaceLocator.demoWorkspace();
    }

    /** Opens the settings dialog on the current settings; what the analyst confirms is applied. */
    void editSettings(javafx.stage.Window owner) {
        SettingsViewModel edited = new SettingsViewModel(vm.settingsProperty().get());
        if (new SettingsDialog(owner, edited).showAndWait().orElse(false)) {
            vm.applySettings(edited.read());
        }
    }

    private static void applyDisplaySettings(MapPane map, Settings settings) {
        Distances.useImperial(settings.units() == Settings.Units.IMPERIAL);
        map.viewModel().setPreferredCoordinateForm(settings.coordinates().ordinal());
        map.viewModel().redrawsProperty().set(map.viewModel().redrawsProperty().get() + 1);
    }

    private static void addTileSources(MapPane map, List<String> before, List<String> now) {
        for (String template : now) {
            if (!before.contains(template)) {
                // No attribution known: the layer is named by its host. A bad template becomes the map's message.
                map.viewModel().addXyz(template, "", 19);
            }
        }
    }
}
