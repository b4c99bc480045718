package org.groundtruth.ui.geolocate;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * The "Find on map" panel: the frame being located, the reference layer and search area, Search with progress and
 * Cancel, the ranked candidates (selecting one outlines its footprint on the map) and Accept / Reject. It sits in a
 * window of its own beside the workbench so the map stays in sight.
 */
public final class FindOnMapView extends VBox {
    private final FindOnMapViewModel vm;

    public FindOnMapView(FindOnMapViewModel vm, Runnable addLayer) {
        this.vm = vm;
        setId("find-on-map-view");
        setSpacing(8);
        setPadding(new Insets(12));

        Label frame = new Label();
        frame.setId("find-frame");
        frame.setStyle("-fx-font-weight: bold;");
        frame.textProperty().bind(Bindings.createStringBinding(() -> {
            FindOnMapViewModel.FrameToLocate f = vm.frameProperty().get();
            if (f == null) {
                return "";
            }
            return f.item().mediaType().startsWith("video/")
                    ? I18n.t("findOnMap.frame", f.item().originalName(), f.frameNumber(), f.image().getWidth(), f.image().getHeight())
                    : I18n.t("findOnMap.photo", f.item().originalName(), f.image().getWidth(), f.image().getHeight());
        }, vm.frameProperty()));

        ComboBox<FindOnMapViewModel.ReferenceChoice> layer = new ComboBox<>(vm.references());
        layer.setId("find-layer");
        layer.valueProperty().bindBidirectional(vm.referenceProperty());
        layer.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(layer, Priority.ALWAYS);
        Button add = new Button(I18n.t("findOnMap.addLayer"), Icon.LAYERS.graphic());
        add.setId("find-add-layer");
        add.setOnAction(e -> addLayer.run());

        ToggleGroup areas = new ToggleGroup();
        RadioButton view = new RadioButton(I18n.t("findOnMap.area.view"));
        view.setId("find-area-view");
        view.setToggleGroup(areas);
        RadioButton whole = new RadioButton(I18n.t("findOnMap.area.whole"));
        whole.setId("find-area-whole");
        whole.setToggleGroup(areas);
        (vm.areaProperty().get() == FindOnMapViewModel.Area.WHOLE_LAYER ? whole : view).setSelected(true);
        areas.selectedToggleProperty().addListener((o, was, now) -> vm.areaProperty().set(
                now == whole ? FindOnMapViewModel.Area.WHOLE_LAYER : FindOnMapViewModel.Area.CURRENT_VIEW));
        vm.areaProperty().addListener((o, was, now) -> (now == FindOnMapViewModel.Area.WHOLE_LAYER ? whole : view)
                .setSelected(true));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        Label layerLabel = new Label(I18n.t("findOnMap.layer"));
        Label areaLabel = new Label(I18n.t("findOnMap.area"));
        for (Region r : new Region[] {layerLabel, areaLabel, add, view, whole}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        layer.setMinWidth(120);
        form.addRow(0, layerLabel, layer, add);
        form.addRow(1, areaLabel, new HBox(12, view, whole));
        Label rectifyLabel = new Label(I18n.t("findOnMap.rectify"));
        rectifyLabel.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(2, rectifyLabel, rectifyChoice(vm));
        Label telemetryNote = new Label();
        telemetryNote.setId("find-rectify-note");
        telemetryNote.setWrapText(true);
        telemetryNote.setStyle("-fx-text-fill: -color-fg-muted;"); // the theme's muted text: readable light and dark
        telemetryNote.textProperty().bind(vm.telemetryNoteProperty());
        telemetryNote.visibleProperty().bind(vm.telemetryNoteProperty().isNotEmpty());
        telemetryNote.managedProperty().bind(telemetryNote.visibleProperty());
        form.add(telemetryNote, 1, 3, 2, 1);

        Button search = new Button(I18n.t("findOnMap.search"), Icon.SEARCH.graphic());
        search.setId("find-search");
        search.setDefaultButton(true);
        search.disableProperty().bind(vm.runningProperty().or(vm.referenceProperty().isNull()));
        search.setOnAction(e -> vm.search());
        Button cancel = new Button(I18n.t("findOnMap.cancel"), Icon.CANCEL.graphic());
        cancel.setId("find-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("find-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox run = new HBox(8, search, cancel, progress);
        run.setAlignment(Pos.CENTER_LEFT);

        ListView<MatchCandidate> list = new ListView<>(vm.candidates());
        list.setId("find-candidates");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(I18n.t("findOnMap.noCandidates")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MatchCandidate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : FindOnMapViewModel.describe(getIndex() + 1, item));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button accept = new Button(I18n.t("findOnMap.accept"), Icon.ADD_PIN.graphic());
        accept.setId("find-accept");
        Button reject = new Button(I18n.t("findOnMap.reject"), Icon.CANCEL.graphic());
        reject.setId("find-reject");
        for (Button b : new Button[] {accept, reject}) {
            b.disableProperty().bind(vm.selectedProperty().isNull().or(vm.runningProperty()).or(vm.decidingProperty()));
        }
        accept.setOnAction(e -> vm.accept());
        reject.setOnAction(e -> vm.reject());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox decide = new HBox(8, accept, reject, spring);
        decide.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("find-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label note = new Label(I18n.t("findOnMap.note"));
        note.setWrapText(true);
        note.getStyleClass().add("muted-note");
        note.setStyle("-fx-text-fill: #57606a;");

        getChildren().addAll(frame, new GroundPointsPicker(vm), form, run, list, decide, status, note);
    }

    /** "None / four points / from telemetry", kept in step with the view model; telemetry only when the frame has a pose. */
    private static HBox rectifyChoice(FindOnMapViewModel vm) {
        ToggleGroup group = new ToggleGroup();
        java.util.Map<FindOnMapViewModel.Rectify, RadioButton> buttons = new java.util.EnumMap<>(FindOnMapViewModel.Rectify.class);
        HBox row = new HBox(12);
        for (FindOnMapViewModel.Rectify r : FindOnMapViewModel.Rectify.values()) {
            String key = switch (r) {
                case NONE -> "none";
                case FOUR_POINTS -> "points";
                case TELEMETRY -> "telemetry";
            };
            RadioButton b = new RadioButton(I18n.t("findOnMap.rectify." + key));
            b.setId("find-rectify-" + key);
            b.setToggleGroup(group);
            b.setUserData(r);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(vm.runningProperty());
            buttons.put(r, b);
            row.getChildren().add(b);
        }
        RadioButton telemetry = buttons.get(FindOnMapViewModel.Rectify.TELEMETRY);
        telemetry.disableProperty().unbind();
        telemetry.disableProperty().bind(vm.runningProperty().or(vm.telemetryAvailableProperty().not()));
        buttons.get(vm.rectifyProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.rectifyProperty().set((FindOnMapViewModel.Rectify) now.getUserData());
            }
        });
        vm.rectifyProperty().addListener((o, was, now) -> buttons.get(now).setSelected(true));
        return row;
    }

    public FindOnMapViewModel viewModel() {
        return vm;
    }

    private static Optional<Stage> open = Optional.empty();

    /**
     * Shows the panel in its own window beside {@code owner} (one at a time; a second call brings it to the front).
     * Closing it clears the footprints from the map and cancels a running search.
     */
    public static Stage show(Window owner, FindOnMapViewModel vm, Runnable addLayer) {
        if (open.isPresent() && open.get().getOwner() == owner) {
            open.get().show();
            open.get().toFront();
            return open.get();
        }
        open.ifPresent(Stage::close);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(I18n.t("findOnMap.title"));
        Scene scene = new Scene(new FindOnMapView(vm, addLayer), 760, 760); // Ukrainian rows fit
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            vm.cancel();
            vm.clearOverlay();
            open = Optional.empty();
        });
        if (owner != null) {
            stage.setX(owner.getX() + Math.max(0, owner.getWidth() - 800));
            stage.setY(owner.getY() + 80);
        }
        open = Optional.of(stage);
        stage.show();
        return stage;
    }
}
