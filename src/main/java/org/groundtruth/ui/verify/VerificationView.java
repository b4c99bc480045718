package org.groundtruth.ui.verify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.groundtruth.core.Coded;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;
import org.groundtruth.ui.common.UnitText;

/** The verification tab: status and review, pins, insignia, corroboration and the sun tool. */
public final class VerificationView extends ScrollPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final VerificationViewModel vm;

    public VerificationView(VerificationViewModel vm) {
        this.vm = vm;
        Label message = new Label();
        message.setId("verify-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox content = new VBox(8, message, section("verify.status", statusSection()), section("verify.pins", pinSection()),
                section("verify.insignia", insigniaSection()), section("verify.corroboration", linkSection()),
                section("verify.sun", sunSection()));
        content.setPadding(new Insets(8));
        setContent(content);
        setFitToWidth(true);
    }

    private static TitledPane section(String key, Node content) {
        TitledPane pane = new TitledPane(I18n.t(key), content);
        pane.setCollapsible(true);
        return pane;
    }

    private Node statusSection() {
        Label status = new Label();
        status.setId("verify-status");
        status.getStyleClass().add("incident-title");
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.incidentProperty().get() == null ? ""
                : I18n.label(vm.incidentProperty().get().status()), vm.incidentProperty()));
        ComboBox<VerificationStatus> target = choice(List.of(VerificationStatus.UNVERIFIED,
                VerificationStatus.IN_PROGRESS, VerificationStatus.GEOLOCATED, VerificationStatus.CORROBORATED,
                VerificationStatus.READY_FOR_REVIEW, VerificationStatus.DISPUTED, VerificationStatus.REJECTED));
        target.setId("status-target");
        target.setPromptText(I18n.t("verify.newStatusPrompt")); // an empty box beside "Change status" said nothing
        TextField rationale = field("status-rationale", I18n.t("verify.rationalePrompt"));
        Button change = button("status-change", "verify.changeStatus", Icon.CHANGE_STATUS, () -> {
            if (target.getValue() != null) {
                vm.changeStatus(target.getValue(), rationale.getText());
            }
        });
        Button approve = button("review-approve", "verify.approve", Icon.APPROVE, () -> vm.approve(rationale.getText()));
        Button reject = button("review-reject", "verify.reject", Icon.REJECT, () -> vm.reject(rationale.getText()));
        var notReady = Bindings.createBooleanBinding(() -> vm.incidentProperty().get() == null
                || vm.incidentProperty().get().status() != VerificationStatus.READY_FOR_REVIEW, vm.incidentProperty());
        approve.disableProperty().bind(notReady.or(vm.readOnlyProperty()));
        reject.disableProperty().bind(notReady.or(vm.readOnlyProperty()));
        change.disableProperty().bind(vm.readOnlyProperty().or(target.valueProperty().isNull()));
        ListView<String> reviews = new ListView<>();
        reviews.setPrefHeight(90);
        reviews.setCellFactory(v -> cell(text -> text));
        vm.reviews().addListener((javafx.collections.ListChangeListener<Object>) c -> reviews.getItems().setAll(
                vm.reviews().stream().map(r -> TIME.format(r.at().atOffset(ZoneOffset.UTC)) + "  "
                        + I18n.t("ReviewDecision." + r.decision().code()) + "  " + r.proposer()
                        + r.reviewer().map(x -> " \u2192 " + x).orElse("") + ": " + r.rationale()).toList()));
        Label hint = muted(I18n.t("verify.reviewHint"));
        // The rationale has a line of its own: beside the status choice it was squeezed below its hint at 1366×768.
        return new VBox(6, status, row(target, change), rationale, buttons(approve, reject), hint, reviews);
    }

    private Node pinSection() {
        ListView<GeolocationPin> list = new ListView<>(vm.pins());
        list.setId("pin-list");
        list.setPrefHeight(110);
        list.setCellFactory(v -> cell(p -> (p.accepted() ? "\u2605 " : "") + p.target() + "  "
                + UnitText.plusMinusMetres(p.precisionMeters()) + "  \u00b7 " + p.analyst() + (p.method().isBlank() ? ""
                : "  \u00b7 " + p.method())));
        Button accept = button("pin-accept", "verify.acceptPin", Icon.ACCEPT_PIN, () -> Optional.ofNullable(
                list.getSelectionModel().getSelectedItem()).ifPresent(vm::acceptPin));
        accept.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull().or(vm.readOnlyProperty()));
        TextField at = field("pin-at", I18n.t("pin.atPrompt"));
        at.setPrefColumnCount(8);
        ComboBox<String> precision = new ComboBox<>();
        precision.setId("pin-precision");
        precision.setEditable(true);
        precision.getItems().setAll("10", "100", "1000");
        precision.setValue("100");
        precision.setPrefWidth(90);
        TextField method = field("pin-method", I18n.t("pin.methodPrompt"));
        TextField camera = field("pin-camera", I18n.t("pin.cameraPrompt"));
        camera.setPrefColumnCount(8);
        TextField bearing = field("pin-bearing", I18n.t("pin.bearing"));
        TextField fov = field("pin-fov", I18n.t("pin.fov"));
        bearing.setPrefColumnCount(5);
        fov.setPrefColumnCount(5);
        CheckBox acceptNew = new CheckBox(I18n.t("pin.acceptNew"));
        acceptNew.setId("pin-accept-new");
        acceptNew.setSelected(true);
        javafx.scene.control.TextArea features = new javafx.scene.control.TextArea();
        features.setId("pin-features");
        features.setPrefRowCount(4); // the wrapped example prompt takes four lines in the narrow column
        features.setPromptText(I18n.t("pin.featuresPrompt"));
        // A text area asks for 40 columns: in the incident column at 1366×768 it pushed the form off to the side.
        features.setPrefColumnCount(10);
        features.setWrapText(true);
        features.setMinWidth(0);
        TextField referenceLayer = field("pin-reference-layer", I18n.t("pin.referenceLayerPrompt"));
        TextField referenceDate = field("pin-reference-date", I18n.t("pin.referenceDatePrompt"));
        referenceDate.setPrefColumnCount(8);
        referenceLayer.setPrefColumnCount(8);
        Button add = editButton("pin-add", "verify.addPin", Icon.ADD_PIN, () -> vm.addPin(at.getText(), precision.getEditor().getText(),
                method.getText(), Optional.of(camera.getText()), Optional.of(bearing.getText()),
                Optional.of(fov.getText()), new VerificationViewModel.PinReasoning(features.getText(),
                        referenceLayer.getText(), referenceDate.getText()), acceptNew.isSelected()));
        Button pickTarget = button("pin-pick-target", "pin.pick", Icon.PICK_ON_MAP, () -> vm.pickOnMap(at::setText));
        Button pickCamera = button("pin-pick-camera", "pin.pick", Icon.PICK_ON_MAP, () -> vm.pickOnMap(camera::setText));
        // The map-pick buttons show their icon and say what they do in a tooltip: with their text beside a field in
        // the incident column at 1366×768, the coordinate field was too narrow for its own prompt.
        for (Button pick : List.of(pickTarget, pickCamera)) {
            pick.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            pick.setTooltip(new javafx.scene.control.Tooltip(I18n.t("pin.pick")));
            pick.setAccessibleText(I18n.t("pin.pick"));
        }
        // A pin suggested from metadata fills the form; the analyst checks it and adds it (never accepted by default).
        vm.suggestionProperty().addListener((o, was, s) -> {
            if (s == null) {
                return;
            }
            at.setText(String.format(java.util.Locale.ROOT, "%.6f, %.6f", s.target().lat(), s.target().lon()));
            precision.getEditor().setText(String.format(java.util.Locale.ROOT, "%.0f", s.precisionMeters()));
            precision.setValue(precision.getEditor().getText());
            method.setText(s.method());
            camera.setText(s.camera().map(c -> String.format(java.util.Locale.ROOT, "%.6f, %.6f", c.position().lat(),
                    c.position().lon())).orElse(""));
            bearing.setText(s.camera().map(c -> String.format(java.util.Locale.ROOT, "%.1f", c.bearingDegrees())).orElse(""));
            fov.setText(s.camera().map(c -> String.format(java.util.Locale.ROOT, "%.1f", c.fieldOfViewDegrees())).orElse(""));
            acceptNew.setSelected(false);
            at.requestFocus();
            javafx.application.Platform.runLater(() -> scrollTo(at));
        });
        GridPane form = grid();
        // One label and one field a row: four columns ran off the side of the incident column at 1366×768. The
        // coordinate formats are a wrapping hint under the field, not a prompt wider than the field.
        form.addRow(0, new Label(I18n.t("pin.at")), row(at, pickTarget));
        form.add(muted(I18n.t("pin.atHint")), 1, 1);
        form.addRow(2, new Label(I18n.t("pin.precision")), precision);
        form.addRow(3, new Label(I18n.t("pin.method")), method);
        form.addRow(4, new Label(I18n.t("pin.camera")), row(camera, pickCamera));
        form.addRow(5, new Label(I18n.t("pin.bearingFov")), row(bearing, fov));
        form.addRow(6, new Label(I18n.t("pin.features")), features);
        form.addRow(7, new Label(I18n.t("pin.referenceLayer")), referenceLayer);
        form.addRow(8, new Label(I18n.t("pin.referenceDate")), referenceDate);
        return new VBox(6, list, accept, form, buttons(acceptNew, add));
    }

    /** Scrolls the tab so {@code node} (a form field just filled) is in view. */
    private void scrollTo(Node node) {
        Node content = getContent();
        javafx.geometry.Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double scrollable = content.getBoundsInLocal().getHeight() - getViewportBounds().getHeight();
        if (scrollable > 0) {
            setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 60) / scrollable)));
        }
    }

    private Node insigniaSection() {
        ListView<InsigniaObservation> list = new ListView<>(vm.observations());
        list.setId("insignia-list");
        list.setCellFactory(v -> {
            ListCell<InsigniaObservation> cell = cell(o -> I18n.label(o.type())
                    + (o.otherText().isEmpty() ? "" : " (" + o.otherText() + ")") + "  \u00b7 " + I18n.label(o.confidence())
                    + "  \u00b7 " + evidenceName(o.evidenceId()) + o.frameNumber().map(n -> " #" + n).orElse("")
                    + (o.note().isBlank() ? "" : "  \u00b7 " + o.note()));
            javafx.scene.image.ImageView thumb = new javafx.scene.image.ImageView();
            thumb.setId("insignia-thumbnail");
            cell.itemProperty().addListener((o, was, now) -> {
                thumb.setImage(null);
                if (now != null) {
                    vm.thumbnail(now, image -> {
                        if (now.equals(cell.getItem())) {
                            thumb.setImage(image);
                        }
                    });
                }
            });
            cell.graphicProperty().bind(javafx.beans.binding.Bindings.when(cell.emptyProperty())
                    .then((Node) null).otherwise(thumb));
            return cell;
        });
        list.setPrefHeight(150);
        ComboBox<EvidenceItem> item = evidenceChoice("insignia-evidence");
        TextField frame = field("insignia-frame", I18n.t("insignia.framePrompt"));
        frame.setPrefColumnCount(6);
        TextField box = field("insignia-box", "0, 0, 1, 1");
        box.setText("0, 0, 1, 1");
        ComboBox<InsigniaType> type = choice(List.of(InsigniaType.values()));
        type.setId("insignia-type");
        TextField other = field("insignia-other", I18n.t("insignia.otherPrompt"));
        ComboBox<Confidence> confidence = choice(List.of(Confidence.values()));
        confidence.setValue(Confidence.MEDIUM);
        TextField note = field("insignia-note", I18n.t("insignia.notePrompt"));
        Button draw = editButton("insignia-draw", "insignia.draw", Icon.DRAW_BOX, () -> vm.drawBox(drawn -> {
            vm.evidence().stream().filter(e -> e.id().equals(drawn.evidenceId())).findFirst().ifPresent(item::setValue);
            frame.setText(drawn.frameNumber().map(String::valueOf).orElse(""));
            NormalizedBox b = drawn.box();
            box.setText(String.format(java.util.Locale.ROOT, "%.4f, %.4f, %.4f, %.4f", b.x(), b.y(), b.width(), b.height()));
            vm.messageProperty().set(I18n.t("insignia.drawn"));
        }));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                vm.showObservation(list.getSelectionModel().getSelectedItem());
            }
        });
        Button add = editButton("insignia-add", "verify.addInsignia", Icon.INSIGNIA, () -> {
            try {
                String[] b = box.getText().split(",");
                NormalizedBox normalized = new NormalizedBox(Double.parseDouble(b[0].strip()),
                        Double.parseDouble(b[1].strip()), Double.parseDouble(b[2].strip()), Double.parseDouble(b[3].strip()));
                Optional<Long> frameNumber = frame.getText().isBlank() ? Optional.empty()
                        : Optional.of(Long.parseLong(frame.getText().strip()));
                if (item.getValue() == null || type.getValue() == null) {
                    vm.messageProperty().set(I18n.t("insignia.choose"));
                    return;
                }
                vm.addObservation(item.getValue(), frameNumber, normalized, type.getValue(), other.getText(),
                        confidence.getValue(), note.getText());
            } catch (RuntimeException e) {
                vm.messageProperty().set(I18n.t("insignia.badBox", box.getText(), frame.getText()));
            }
        });
        GridPane form = grid();
        // One label and one field a row, as the pin form: two pairs a row did not fit the column at 1366×768.
        form.addRow(0, new Label(I18n.t("insignia.evidence")), item);
        form.addRow(1, new Label(I18n.t("insignia.frame")), frame);
        form.addRow(2, new Label(I18n.t("insignia.type")), type);
        form.addRow(3, new Label(I18n.t("insignia.confidence")), confidence);
        form.addRow(4, new Label(I18n.t("insignia.other")), other);
        form.addRow(5, new Label(I18n.t("insignia.box")), box);
        form.addRow(6, new Label(I18n.t("insignia.note")), note);
        return new VBox(6, list, muted(I18n.t("insignia.listHint")), form, buttons(draw, add), muted(I18n.t("insignia.hint")));
    }

    private Node linkSection() {
        ListView<Corroboration> list = new ListView<>(vm.corroborations());
        list.setId("link-list");
        list.setPrefHeight(80);
        list.setCellFactory(v -> cell(k -> evidenceName(k.evidenceA()) + "  \u2014 " + I18n.label(k.relation())
                + " \u2014  " + evidenceName(k.evidenceB()) + (k.note().isBlank() ? "" : "  \u00b7 " + k.note())));
        ComboBox<EvidenceItem> a = evidenceChoice("link-a");
        ComboBox<EvidenceItem> b = evidenceChoice("link-b");
        ComboBox<CorroborationRelation> relation = choice(List.of(CorroborationRelation.values()));
        relation.setId("link-relation");
        relation.setValue(CorroborationRelation.SAME_VEHICLE);
        TextField note = field("link-note", I18n.t("insignia.notePrompt"));
        Button add = editButton("link-add", "verify.addLink", Icon.LINK, () -> {
            if (a.getValue() != null && b.getValue() != null) {
                vm.link(a.getValue(), b.getValue(), relation.getValue(), note.getText());
            }
        });
        Button compare = button("link-compare", "verify.compare", Icon.COMPARE, () -> Optional.ofNullable(
                list.getSelectionModel().getSelectedItem()).ifPresent(this::compare));
        compare.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                compare(list.getSelectionModel().getSelectedItem());
            }
        });
        GridPane form = grid();
        form.addRow(0, new Label(I18n.t("link.a")), a);
        form.addRow(1, new Label(I18n.t("link.relation")), relation);
        form.addRow(2, new Label(I18n.t("link.b")), b);
        form.addRow(3, new Label(I18n.t("insignia.note")), note);
        return new VBox(6, list, row(compare, muted(I18n.t("verify.compareHint"))), form, add);
    }

    private void compare(Corroboration link) {
        vm.comparison(link, pair -> SideBySideView.open(getScene() == null ? null : getScene().getWindow(),
                vm.background(), link, pair.a(), pair.originalA(), pair.b(), pair.originalB()));
    }

    private Node sunSection() {
        TextField time = field("sun-time", I18n.t("form.timePrompt"));
        vm.incidentProperty().addListener((o, was, now) -> time.setText(vm.defaultClaimedTime()));
        TextField bearing = field("sun-bearing", I18n.t("sun.bearingPrompt"));
        bearing.setPrefColumnCount(6);
        TextField note = field("sun-note", I18n.t("insignia.notePrompt"));
        Button compute = button("sun-compute", "sun.compute", Icon.SUN, () -> vm.computeSun(time.getText(), bearing.getText()));
        Button save = editButton("sun-save", "sun.save", Icon.SAVE, () -> vm.saveSun(time.getText(), bearing.getText(), note.getText()));
        Label result = new Label();
        result.setId("sun-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.sunResultProperty());
        ListView<String> saved = new ListView<>();
        saved.setId("sun-saved");
        saved.setPrefHeight(70);
        vm.chronolocations().addListener((javafx.collections.ListChangeListener<Object>) c -> saved.getItems().setAll(
                vm.chronolocations().stream().map(k -> TIME.format(k.claimedAt().atOffset(ZoneOffset.UTC)) + " UTC  "
                        + I18n.t("sun.savedPosition", k.sunAzimuthDegrees(), k.sunAltitudeDegrees()) + "  \u00b7 " + k.analyst()
                        + SunVerdictText.savedMark(k)
                        + (k.note().isBlank() ? "" : ": " + k.note()))
                        .toList()));
        GridPane form = grid();
        form.addRow(0, new Label(I18n.t("sun.time")), time);
        form.addRow(1, new Label(I18n.t("sun.bearing")), bearing);
        form.addRow(2, new Label(I18n.t("insignia.note")), note);
        return new VBox(6, form, buttons(compute, save), result, saved);
    }

    private ComboBox<EvidenceItem> evidenceChoice(String id) {
        ComboBox<EvidenceItem> box = new ComboBox<>(vm.evidence());
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        // Sized by the column, not by the longest file name in the list.
        box.setPrefWidth(160);
        box.setMinWidth(0);
        GridPane.setHgrow(box, Priority.ALWAYS);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(EvidenceItem item) {
                return item == null ? "" : item.originalName();
            }

            @Override
            public EvidenceItem fromString(String text) {
                return null; // chosen from the list, never typed
            }
        });
        return box;
    }

    private String evidenceName(String evidenceId) {
        return vm.evidence().stream().filter(e -> e.id().equals(evidenceId)).map(EvidenceItem::originalName)
                .findFirst().orElse(evidenceId);
    }

    private static <E extends Enum<E> & Coded> ComboBox<E> choice(List<E> values) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : I18n.label(value);
            }

            @Override
            public E fromString(String text) {
                return null; // chosen from the list, never typed
            }
        });
        return box;
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.setPrefWidth(0);
        return cell;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setMinWidth(40);
        HBox.setHgrow(field, Priority.ALWAYS);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /** A button that changes the investigation: off while it is read-only. */
    private Button editButton(String id, String key, Icon icon, Runnable action) {
        Button button = button(id, key, icon, action);
        button.disableProperty().bind(vm.readOnlyProperty());
        return button;
    }

    private static Button button(String id, String key, Icon icon, Runnable action) {
        Button button = new Button(I18n.t(key), icon.graphic());
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Buttons side by side that go onto a second line when the column is narrower than both. */
    private static javafx.scene.layout.FlowPane buttons(Node... nodes) {
        javafx.scene.layout.FlowPane flow = new javafx.scene.layout.FlowPane(6, 6, nodes);
        flow.setAlignment(Pos.CENTER_LEFT);
        flow.setPrefWrapLength(240);
        return flow;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        // Labels keep their width; the field column takes what is left and gives it back when the column narrows.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(0);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        // A TitledPane's minimum width is its preferred one: a hint asking for its unwrapped width pushed the whole
        // pane off to the right at 1366×768. Asking for none, it wraps to the width it is given.
        label.setMinWidth(0);
        label.setPrefWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
