package org.groundtruth.ui.team;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;

/** File ▸ Team ▸ My key…: the analyst's public key to copy or send, or a button to create the key pair. */
public final class MyKeyDialog {
    private MyKeyDialog() {
    }

    public static void show(Window owner, MyKeyViewModel vm) {
        TextField fingerprint = readOnly("my-key-fingerprint");
        fingerprint.textProperty().bind(vm.fingerprintProperty());
        TextField file = readOnly("my-key-file");
        file.textProperty().bind(vm.fileProperty());
        TextArea pem = new TextArea();
        pem.setId("my-key-pem");
        pem.setEditable(false);
        pem.setPrefRowCount(4);
        pem.setStyle("-fx-font-family: monospace;");
        pem.textProperty().bind(vm.pemProperty());
        GridPane shown = new GridPane();
        shown.setHgap(8);
        shown.setVgap(8);
        shown.addRow(0, new Label(I18n.t("team.key.fingerprint")), fingerprint);
        shown.addRow(1, new Label(I18n.t("team.key.file")), file);
        shown.addRow(2, new Label(I18n.t("team.key.pem")), pem);
        shown.visibleProperty().bind(vm.hasKeyProperty());
        shown.managedProperty().bind(shown.visibleProperty());

        Label status = new Label();
        status.setId("my-key-status");
        status.setWrapText(true);
        status.setMaxWidth(620);
        status.textProperty().bind(vm.statusProperty());
        Button create = new Button(I18n.t("team.key.create"));
        create.setId("my-key-create");
        create.setOnAction(e -> vm.create());
        create.disableProperty().bind(vm.busyProperty());
        create.visibleProperty().bind(vm.hasKeyProperty().not().and(vm.busyProperty().not()));
        create.managedProperty().bind(create.visibleProperty());

        Label who = new Label();
        who.textProperty().bind(vm.nameProperty());
        VBox content = new VBox(10, who, shown, status, create);
        content.setPadding(new javafx.geometry.Insets(12)); // with no header the text touched the window's edge
        content.setPrefWidth(660);
        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t("team.key.title"));
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.close());
        dialog.getDialogPane().setContent(content);
        Window window = dialog.getDialogPane().getScene().getWindow();
        vm.pemProperty().addListener(o -> javafx.application.Platform.runLater(window::sizeToScene));
        vm.load();
        dialog.showAndWait();
    }

    private static TextField readOnly(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(48);
        return field;
    }
}
