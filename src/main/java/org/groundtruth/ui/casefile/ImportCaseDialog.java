package org.groundtruth.ui.casefile;

import java.io.File;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * File ▸ Open case file: choose a ZIP, read the verdict of its verification (and every problem), then import
 * it into the open investigation or just close. A failed file can be imported only after ticking that the
 * import is forced. The dialog stays open through the import and shows what it merged.
 */
public final class ImportCaseDialog {
    private ImportCaseDialog() {
    }

    public static void run(Window owner, ImportCaseViewModel vm, Runnable afterImport) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("casefile.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("casefile.export.zip"), "*.zip"));
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return;
        }
        Label verdict = new Label();
        verdict.setWrapText(true);
        verdict.setPrefWidth(700);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(vm.verdictProperty());
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setPrefHeight(200);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        CheckBox force = new CheckBox(I18n.t("casefile.open.force"));
        force.visibleProperty().bind(vm.needsForceProperty().and(vm.canImportProperty()));
        force.managedProperty().bind(force.visibleProperty());
        // An untrusted signer: trust the key under a name, or import once (every incident unverified); nothing chosen, no import.
        ToggleGroup trust = new ToggleGroup();
        RadioButton trustKey = new RadioButton(I18n.t("casefile.open.trustKey"));
        trustKey.setToggleGroup(trust);
        trustKey.setUserData(ImportCaseViewModel.TrustChoice.TRUST_KEY);
        trustKey.visibleProperty().bind(vm.canTrustKeyProperty());
        trustKey.managedProperty().bind(trustKey.visibleProperty());
        TextField name = new TextField();
        name.setPromptText(I18n.t("casefile.open.trustName"));
        name.textProperty().bindBidirectional(vm.signerNameProperty());
        name.visibleProperty().bind(trustKey.visibleProperty());
        name.managedProperty().bind(name.visibleProperty());
        name.disableProperty().bind(trustKey.selectedProperty().not());
        RadioButton once = new RadioButton(I18n.t("casefile.open.once"));
        once.setToggleGroup(trust);
        once.setUserData(ImportCaseViewModel.TrustChoice.ONCE);
        trust.selectedToggleProperty().addListener((o, before, now) -> vm.trustChoiceProperty().set(now == null
                ? ImportCaseViewModel.TrustChoice.UNDECIDED : (ImportCaseViewModel.TrustChoice) now.getUserData()));
        vm.trustChoiceProperty().addListener((o, before, now) -> {
            if (now == ImportCaseViewModel.TrustChoice.UNDECIDED) {
                trust.selectToggle(null);
            }
        });
        VBox trustBox = new VBox(6, new HBox(8, trustKey, name), once);
        trustBox.visibleProperty().bind(vm.untrustedProperty().and(vm.canImportProperty()));
        trustBox.managedProperty().bind(trustBox.visibleProperty());
        VBox content = new VBox(10, verdict, problems, force, trustBox);
        content.setMinWidth(720);

        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t("casefile.open.title"));
        dialog.setGraphic(Icon.OPEN_CASE.header());
        dialog.setResizable(true);
        ButtonType importType = new ButtonType(I18n.t("casefile.open.import"), ButtonBar.ButtonData.OK_DONE);
        ButtonType closeType = DialogButtons.close();
        dialog.getDialogPane().getButtonTypes().addAll(importType, closeType);
        dialog.getDialogPane().setContent(content);
        Button importButton = (Button) dialog.getDialogPane().lookupButton(importType);
        importButton.setGraphic(Icon.IMPORT_EVIDENCE.graphic());
        importButton.disableProperty().bind(vm.canImportProperty().not().or(vm.busyProperty())
                .or(vm.needsForceProperty().and(force.selectedProperty().not()))
                .or(Bindings.createBooleanBinding(() -> !vm.trustDecided(), vm.untrustedProperty(),
                        vm.trustChoiceProperty(), vm.signerNameProperty(), vm.canTrustKeyProperty())));
        importButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // stay open: the verdict turns into what was imported
            vm.importChecked(afterImport);
        });
        // The verdict arrives after the dialog is shown and may be several lines: grow the window to fit it.
        Runnable fit = () -> Platform.runLater(() -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (window != null) {
                window.sizeToScene();
            }
        });
        vm.verdictProperty().addListener((o, before, now) -> fit.run());
        vm.problems().addListener((javafx.collections.ListChangeListener<String>) change -> fit.run());
        vm.verify(file.toPath());
        dialog.showAndWait();
    }
}
