package org.groundtruth.ui.app;

import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionModel;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.paint.Color;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.ui.analysis.DashboardViewModel;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Subscriptions;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.geolocate.FindOnMap;
import org.groundtruth.ui.map.MapLine;
import org.groundtruth.ui.map.MapPane;
import org.groundtruth.ui.team.TeamStatusViewModel;
import org.groundtruth.ui.telemetry.FieldOfViewMemory;
import org.groundtruth.ui.telemetry.FlightSync;
import org.groundtruth.ui.verify.VerificationViewModel;

/**
 * The window's cross-feature wiring between its views: the map and the verification tools (sun shadow, pick a point),
 * the evidence viewer following the evidence list and drawing insignia boxes for verification, the flight track on
 * the map beside the viewer, "Find on map…", the dashboard's regions and double taps on the map, and the team sync
 * refreshing the list. {@link MainWindow} composes the views and tabs and hands them here; the store-side wiring is
 * {@link WorkbenchWiring}'s. Every listener on a longer-lived object goes into the window's {@link Subscriptions}
 * and is removed when the window is rebuilt.
 */
final class FeatureWiring {
    /** The sun tool's expected shadow; the map's other lines are the dashboard's double taps. */
    private static final Color SHADOW = Color.web("#6e40c9");
    /** The incident tab that holds the verification forms. */
    private static final int VERIFICATION_TAB = 2;

    /** Where the wiring brings the investigator: the work area's and the incident's tabs. */
    record Tabs(SelectionModel<Tab> workArea, SelectionModel<Tab> incident, Tab map, Tab evidenceViewer,
            Tab analysis) {
    }

    private final WorkbenchViewModel vm;
    private final TaskRunner runner;
    private final Subscriptions subscriptions;
    private final Tabs tabs;

    FeatureWiring(WorkbenchViewModel vm, TaskRunner runner, Subscriptions subscriptions, Tabs tabs) {
        this.vm = vm;
        this.runner = runner;
        this.subscriptions = subscriptions;
        this.tabs = tabs;
    }

    /** A team sync reloads the list and the counts; the status is read once the window stands. */
    void teamSync(TeamStatusViewModel teamStatus) {
        teamStatus.setOnSynced(() -> {
            vm.list().refresh();
            vm.refreshCounts();
        });
        teamStatus.refresh();
    }

    /**
     * The sun tool's expected shadow direction is drawn from the incident's location; "Pick on map" in the pin form
     * shows the map and the next click there gives the point.
     */
    void mapAndVerification(MapPane map) {
        vm.verification().setShadowDrawer(shadow -> {
            map.viewModel().lines().removeIf(l -> l.color().equals(SHADOW));
            shadow.ifPresent(s -> map.viewModel().lines().add(new MapLine(s.from(), s.to(), s.label(), SHADOW)));
        });
        vm.verification().setPointPicker(receiver -> {
            tabs.workArea().select(tabs.map());
            map.viewModel().pickPoint(receiver);
        });
    }

    /**
     * The viewer shows the evidence selected in the list (at the frame on screen when the investigation was last
     * closed, or where it is when only the item's record changed); insignia scans and boxes drawn on the viewer go to
     * verification, recorded boxes are shown on the viewer and a listed one opens at its frame.
     */
    void viewerAndEvidence(EvidencePane evidencePane) {
        subscriptions.listen(vm.evidence().selectedProperty(), (o, was, now) -> {
            if (now == null) {
                evidencePane.clear();
            } else if (was == null || !was.id().equals(now.id())) {
                Optional<Long> frame = vm.takePendingFrame(now.id());
                if (frame.isPresent()) {
                    evidencePane.showAt(now, frame); // the frame on screen when the investigation was last closed
                } else {
                    evidencePane.show(now);
                    tabs.workArea().select(tabs.evidenceViewer());
                }
            } else {
                evidencePane.show(now); // the same item, its record edited: stays at its frame
            }
        });
        subscriptions.listen(vm.evidence().incidentProperty(), (o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                evidencePane.clear(); // another incident; an edit of this one keeps the viewer where it is
            }
        });
        // Insignia scan: accepted candidates become observations of the incident the evidence list shows.
        evidencePane.viewModel().scan().setIncident(this::evidenceIncident);
        evidencePane.viewModel().scan().setOnAccepted(() -> vm.verification().refresh());
        vm.verification().setBoxDrawer(receiver -> {
            tabs.workArea().select(tabs.evidenceViewer());
            if (!evidencePane.drawBox(d -> receiver.accept(new VerificationViewModel.DrawnBox(d.item().id(),
                    d.frameNumber(), d.box())))) {
                vm.verification().messageProperty().set(I18n.t("insignia.openFirst"));
            }
        });
        vm.verification().setFrameShower((item, frame) -> {
            tabs.workArea().select(tabs.evidenceViewer());
            evidencePane.showAt(item, frame);
        });
        subscriptions.listen(vm.verification().observations(), (ListChangeListener<Object>) c ->
                evidencePane.showObservations(vm.verification().observations()));
    }

    /**
     * The shown item's flight track, drone, footprint or photo position on the map, in step with the video; the map
     * moves below the viewer ({@code evidenceAndMap}) while it has something to show there, and back to its tab when
     * that is chosen. A flight fix suggests a pin in the verification forms.
     */
    void flightOnMap(EvidencePane evidencePane, EvidenceAccess evidenceAccess, MapPane map, SplitPane evidenceAndMap) {
        var flight = new FlightSync(evidencePane.viewModel(), evidenceAccess, runner, map.viewModel());
        flight.rememberFieldsOfView(FieldOfViewMemory.settings());
        flight.setPinSink(suggestion -> {
            vm.verification().suggestPin(suggestion);
            tabs.incident().select(VERIFICATION_TAB);
        });
        evidencePane.setOnSuggestPin(fix -> flight.suggestPin());
        Label mapElsewhere = new Label(I18n.t("map.besideViewer"));
        Runnable placeMap = () -> {
            boolean beside = tabs.workArea().getSelectedItem() == tabs.evidenceViewer()
                    && !map.viewModel().flight().isEmpty();
            if (beside && !evidenceAndMap.getItems().contains(map)) {
                tabs.map().setContent(mapElsewhere);
                evidenceAndMap.getItems().add(map);
                evidencePane.setMapBelow(true);
                evidenceAndMap.setDividerPositions(0.66);
            } else if (!beside && evidenceAndMap.getItems().contains(map)) {
                evidenceAndMap.getItems().remove(map);
                evidencePane.setMapBelow(false);
                tabs.map().setContent(map);
            }
        };
        // The tabs and the map belong to this window and go with it.
        tabs.workArea().selectedItemProperty().addListener((o, was, now) -> placeMap.run());
        map.viewModel().flight().trackProperty().addListener((o, was, now) -> placeMap.run());
        map.viewModel().flight().photoProperty().addListener((o, was, now) -> placeMap.run());
    }

    /** "Find on map…" (issue 16): match the shown photo or frame against the map's imagery; accept makes a pin. */
    void findOnMap(EvidencePane evidencePane, MapPane map) {
        FindOnMap.connect(evidencePane, map, runner, vm.session()::investigation, vm.session()::analyst,
                this::evidenceIncident, () -> tabs.workArea().select(tabs.map()), pin -> {
                    vm.verification().refresh();
                    vm.refreshCounts();
                });
    }

    /**
     * The dashboard follows the counts and reports decided double taps to the list; incidents per region are shaded
     * on the map (issue 7) with the dashboard's filter, one switch in both places; suspected double taps are drawn
     * on the map, first strike to follow-up, red when confirmed.
     */
    void dashboard(DashboardViewModel analysis, MapPane map) {
        analysis.setOnIncidentChanged(vm::saved);
        subscriptions.onDispose(analysis::dispose);
        subscriptions.listen(vm.countsProperty(), (o, was, now) -> analysis.refresh());
        var regionLayer = map.viewModel().choropleth();
        subscriptions.listen(analysis.regionTotalsProperty(), (o, was, now) -> regionLayer.show(now.counts(),
                now.filterText(), now.summary()));
        regionLayer.visibleProperty().bindBidirectional(analysis.showRegionsOnMapProperty());
        subscriptions.onDispose(() -> regionLayer.visibleProperty().unbindBidirectional(
                analysis.showRegionsOnMapProperty()));
        subscriptions.listen(analysis.showRegionsOnMapProperty(), (o, was, now) -> {
            if (now && tabs.workArea().getSelectedItem() == tabs.analysis()) {
                tabs.workArea().select(tabs.map());
            }
        });
        subscriptions.listen(analysis.mapPairs(), (ListChangeListener<Object>) c -> {
            map.viewModel().lines().removeIf(l -> !l.color().equals(SHADOW));
            for (var pair : analysis.mapPairs()) {
                map.viewModel().lines().add(new MapLine(pair.first(), pair.second(), pair.label(),
                        pair.state().equals("confirmed") ? Color.web("#cf222e")
                                : pair.state().equals("dismissed") ? Color.web("#8c959f")
                                : Color.web("#bc4c00")));
            }
        });
    }

    /** The incident the evidence list shows. */
    private Optional<String> evidenceIncident() {
        return Optional.ofNullable(vm.evidence().incidentProperty().get()).map(Incident::id);
    }
}
