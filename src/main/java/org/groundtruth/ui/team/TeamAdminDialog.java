package org.groundtruth.ui.team;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.store.team.TeamAdmin;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Team ▸ Set up the server… ({@code team init}) and Register an analyst… ({@code team analyst add}). The
 * administrator's password is typed here for the one call (empty: PGPASSWORD or ~/.pgpass) and never stored.
 */
public final class TeamAdminDialog {
    private TeamAdminDialog() {
    }

    /** Creates or upgrades the team schema on a server. */
    public static void showInit(Window owner, TeamAdminViewModel vm) {
        GridPane form = form();
        TextField server = server(vm);
        PasswordField admin = adminPassword();
        form.addRow(0, new Label(I18n.t("team.server")), server);
        form.addRow(1, new Label(I18n.t("team.admin.password")), admin);
        Button init = new Button(I18n.t("team.admin.init"));
        init.setId("team-admin-init");
        init.setDefaultButton(true);
        init.disableProperty().bind(vm.busyProperty());
        init.setOnAction(e -> {
            vm.initServer(admin.getText().toCharArray());
            admin.clear();
        });
        show(owner, "team.admin.initTitle", new VBox(10, help("team.admin.initHelp"), form, init,
                status(vm)));
    }

    /** Registers an analyst: name (their server login), role and public key file; their password is shown once. */
    public static void showRegister(Window owner, TeamAdminViewModel vm) {
        GridPane form = form();
        TextField server = server(vm);
        PasswordField admin = adminPassword();
        TextField name = new TextField();
        name.setId("team-admin-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ChoiceBox<String> role = new ChoiceBox<>();
        role.setId("team-admin-role");
        role.getItems().setAll(TeamAdmin.ROLES);
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : I18n.t("team.role." + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        role.valueProperty().bindBidirectional(vm.roleProperty());
        TextField keyFile = new TextField();
        keyFile.setId("team-admin-key");
        keyFile.setPromptText(I18n.t("team.admin.key.prompt"));
        keyFile.textProperty().bindBidirectional(vm.keyFileProperty());
        Button choose = new Button(I18n.t("team.admin.key.choose"));
        choose.setId("team-admin-key-choose");
        choose.setOnAction(e -> chooseKey(choose.getScene().getWindow()).ifPresent(f -> vm.keyFileProperty().set(f.toString())));
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        PasswordField analystPassword = new PasswordField();
        analystPassword.setId("team-admin-analyst-password");
        analystPassword.setPromptText(I18n.t("team.admin.analystPassword.prompt"));
        form.addRow(0, new Label(I18n.t("team.server")), server);
        form.addRow(1, new Label(I18n.t("team.admin.password")), admin);
        form.addRow(2, new Label(I18n.t("team.admin.name")), name);
        form.addRow(3, new Label(I18n.t("team.admin.role")), role);
        form.addRow(4, new Label(I18n.t("team.admin.key")), new HBox(8, keyFile, choose));
        form.addRow(5, new Label(I18n.t("team.admin.analystPassword")), analystPassword);

        Button add = new Button(I18n.t("team.admin.add"));
        add.setId("team-admin-add");
        add.setDefaultButton(true);
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> {
            vm.addAnalyst(admin.getText().toCharArray(), analystPassword.getText().toCharArray());
            admin.clear();
            analystPassword.clear();
        });
        TextField generated = new TextField();
        generated.setId("team-admin-generated");
        generated.setEditable(false);
        generated.textProperty().bind(vm.generatedPasswordProperty());
        Label generatedLabel = new Label(I18n.t("team.admin.generated"));
        generatedLabel.setWrapText(true);
        VBox shown = new VBox(4, generatedLabel, generated);
        shown.visibleProperty().bind(vm.generatedPasswordProperty().isNotEmpty());
        shown.managedProperty().bind(shown.visibleProperty());
        show(owner, "team.admin.addTitle", new VBox(10, help("team.admin.addHelp"), form, add, status(vm),
                shown));
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        return form;
    }

    private static Label help(String key) {
        Label help = new Label(I18n.t(key));
        help.setWrapText(true);
        help.setMaxWidth(640);
        return help;
    }

    private static TextField server(TeamAdminViewModel vm) {
        TextField server = new TextField();
        server.setId("team-admin-server");
        server.setPromptText("postgresql://admin@host:5432/groundtruth");
        server.setPrefColumnCount(36);
        server.textProperty().bindBidirectional(vm.serverProperty());
        return server;
    }

    private static PasswordField adminPassword() {
        PasswordField admin = new PasswordField();
        admin.setId("team-admin-password");
        admin.setPromptText(I18n.t("team.password.prompt"));
        return admin;
    }

    private static Label status(TeamAdminViewModel vm) {
        Label status = new Label();
        status.setId("team-admin-status");
        status.setWrapText(true);
        status.setMaxWidth(640);
        status.textProperty().bind(vm.statusProperty());
        return status;
    }

    private static Optional<File> chooseKey(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("team.admin.key.choose"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.t("team.admin.key.filter"), "*.pub",
                "*.pem"), new FileChooser.ExtensionFilter(I18n.t("team.admin.key.all"), "*"));
        Path keys = org.groundtruth.store.team.KeyRing.user().directory();
        if (Files.isDirectory(keys)) {
            chooser.setInitialDirectory(keys.toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner));
    }

    private static void show(Window owner, String titleKey, Node content) {
        ((VBox) content).setPrefWidth(640);
        ((VBox) content).setPadding(new javafx.geometry.Insets(12)); // with no header the form touched the window's edge
        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t(titleKey));
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.close());
        dialog.getDialogPane().setContent(content);
        // The result (and a generated password) appear below the form: the window grows to show them.
        Window window = dialog.getDialogPane().getScene().getWindow();
        InvalidationListener fit = o -> javafx.application.Platform.runLater(window::sizeToScene);
        ((Label) content.lookup("#team-admin-status")).textProperty().addListener(fit);
        dialog.showAndWait();
    }
}
