package org.groundtruth.ui.evidence;

import java.io.File;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * The insignia scan tab: templates to look for (the library, with import), how often to sample, Scan/Cancel with
 * progress, and the candidates as they are found — each with Accept and Reject; clicking one shows its frame.
 */
final class ScanView extends VBox {
    /**
     * {@code drawTemplate} lets the analyst drag a box on the shown frame or photo and hands it over; it answers
     * false when nothing drawable is shown.
     */
    ScanView(ScanViewModel vm, LongConsumer showFrame, Predicate<Consumer<ScanViewModel.DrawnTemplate>> drawTemplate) {
        setId("scan-view");
        setSpacing(6);
        setStyle("-fx-padding: 6 10 6 10;");

        ListView<ScanViewModel.TemplateChoice> templates = new ListView<>(vm.templates());
        templates.setId("scan-templates");
        templates.setPrefHeight(86);
        templates.setMinHeight(70);
        templates.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScanViewModel.TemplateChoice choice, boolean empty) {
                super.updateItem(choice, empty);
                if (empty || choice == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(choice.template().name() + "  ·  " + I18n.label(choice.template().type())
                        + "  ·  " + choice.template().source());
                box.selectedProperty().bindBidirectional(choice.selected());
                setGraphic(box);
            }
        });

        ComboBox<InsigniaType> type = typeChoice("scan-template-type", InsigniaType.DSNS_EMBLEM);
        Button importTemplate = new Button(EvidenceText.t("scan.import"), Icon.ADD_IMAGERY_FILE.graphic());
        importTemplate.setId("scan-import-template");
        importTemplate.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(EvidenceText.t("scan.pictures"),
                    "*.png", "*.svg", "*.jpg", "*.jpeg", "*.webp", "*.tif", "*.tiff"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                vm.importTemplate(file.toPath(), type.getValue());
            }
        });
        Button fromBox = new Button(EvidenceText.t("scan.fromBox"), Icon.DRAW_BOX.graphic());
        fromBox.setId("scan-template-from-box");
        fromBox.setTooltip(new javafx.scene.control.Tooltip(EvidenceText.t("scan.fromBoxTip")));
        fromBox.setOnAction(e -> {
            boolean drawing = drawTemplate.test(drawn -> askNameAndType(type.getValue())
                    .ifPresent(named -> vm.addTemplateFromBox(drawn, named.name(), named.type())));
            vm.messageProperty().set(EvidenceText.t(drawing ? "scan.drawHint" : "scan.nothingShown"));
        });
        javafx.scene.layout.FlowPane library = new javafx.scene.layout.FlowPane(8, 6, new Label(EvidenceText.t("scan.templates")),
                type, importTemplate, fromBox); // wraps where the column is too narrow for all four
        library.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> every = new Spinner<>(1, 1000, vm.everyNthProperty().get());
        every.setId("scan-every");
        every.setEditable(true);
        every.setPrefWidth(80);
        every.valueProperty().addListener((o, was, now) -> vm.everyNthProperty().set(now));
        vm.everyNthProperty().addListener((o, was, now) -> every.getValueFactory().setValue(now.intValue()));
        Button scan = new Button(EvidenceText.t("scan.start"), Icon.INSIGNIA.graphic());
        scan.setId("scan-start");
        scan.setOnAction(e -> vm.scan());
        scan.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button(EvidenceText.t("scan.cancel"), Icon.CANCEL.graphic());
        cancel.setId("scan-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("scan-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label(EvidenceText.t("scan.every")), every, scan, cancel, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        TextField markings = new TextField();
        markings.setId("scan-markings");
        markings.setPromptText(EvidenceText.t("scan.markingsPrompt"));
        markings.textProperty().bindBidirectional(vm.markingsProperty());
        HBox.setHgrow(markings, Priority.ALWAYS);
        org.groundtruth.ui.common.WholePrompt.keep(markings, 0);
        ComboBox<InsigniaType> markingType = typeChoice("scan-marking-type", vm.markingTypeProperty().get());
        markingType.valueProperty().bindBidirectional(vm.markingTypeProperty());
        // Wraps: in Ukrainian the field, "record as" and its choice do not fit one row of the middle column.
        HBox field = new HBox(8, new Label(EvidenceText.t("scan.markings")), markings);
        field.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox recordAs = new HBox(8, new Label(EvidenceText.t("scan.markingType")), markingType);
        recordAs.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane text = new javafx.scene.layout.FlowPane(8, 6, field, recordAs);
        text.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("scan-message");
        message.getStyleClass().add("muted-note");
        message.textProperty().bind(vm.messageProperty());

        ListView<ScanCandidate> found = new ListView<>(vm.candidates());
        found.setId("scan-candidates");
        VBox.setVgrow(found, Priority.ALWAYS);
        found.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ScanCandidate c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label text = new Label(describe(c));
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button accept = new Button(EvidenceText.t("scan.accept"), Icon.APPROVE.graphic());
                accept.getStyleClass().add("scan-accept");
                accept.setOnAction(e -> vm.accept(c));
                Button reject = new Button(EvidenceText.t("scan.reject"), Icon.REJECT.graphic());
                reject.getStyleClass().add("scan-reject");
                reject.setOnAction(e -> vm.reject(c));
                HBox row = new HBox(8, text, gap, accept, reject);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                now.frame().ifPresent(showFrame::accept);
            }
        });

        getChildren().addAll(library, templates, text, controls, message, found);
    }

    /** A name and type the analyst gave a new template. */
    private record Named(String name, InsigniaType type) {
    }

    /** Asks the new template's name and insignia type; empty when the analyst cancels. */
    private Optional<Named> askNameAndType(InsigniaType initial) {
        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), getScene() == null ? null : getScene().getWindow());
        dialog.setTitle(EvidenceText.t("scan.newTemplate"));
        ButtonType ok = DialogButtons.ok();
        dialog.getDialogPane().getButtonTypes().setAll(ok, DialogButtons.cancel());
        TextField name = new TextField();
        name.setId("scan-new-template-name");
        ComboBox<InsigniaType> kind = typeChoice("scan-new-template-type", initial);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(EvidenceText.t("scan.templateName")), name);
        form.addRow(1, new Label(EvidenceText.t("scan.templateType")), kind);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().lookupButton(ok).disableProperty()
                .bind(name.textProperty().map(String::isBlank));
        javafx.application.Platform.runLater(name::requestFocus);
        return dialog.showAndWait().filter(DialogButtons::confirms)
                .map(b -> new Named(name.getText().strip(), kind.getValue()));
    }

    private static ComboBox<InsigniaType> typeChoice(String id, InsigniaType initial) {
        ComboBox<InsigniaType> type = new ComboBox<>();
        type.setId(id);
        type.getItems().setAll(java.util.Arrays.stream(InsigniaType.values()).filter(t -> t != InsigniaType.NONE_VISIBLE).toList());
        type.setValue(initial);
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(InsigniaType t) {
                return t == null ? "" : I18n.label(t);
            }

            @Override
            public InsigniaType fromString(String s) {
                return null;
            }
        });
        return type;
    }

    static String describe(ScanCandidate c) {
        String where = c.frame().map(n -> EvidenceText.t("scan.frames", String.valueOf(n), String.valueOf(c.firstFrame().orElse(n)), String.valueOf(c.lastFrame().orElse(n))))
                .orElse(EvidenceText.t("scan.photo"));
        return String.format(Locale.ROOT, "%s  ·  %s  ·  %.2f%s", where, c.template(), c.score(),
                c.text().isEmpty() ? "" : "  ·  «" + c.text() + "»");
    }
}
