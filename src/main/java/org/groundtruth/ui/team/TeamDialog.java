package org.groundtruth.ui.team;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Team: the server and project, Join and Sync, and the open conflicts with both values side by side and a
 * button to keep either. All work runs in the background (TeamViewModel).
 */
public final class TeamDialog {
    private TeamDialog() {
    }

    public static void show(Window owner, TeamViewModel vm) {
        show(owner, vm, () -> { });
    }

    /** Shows the dialog; {@code closed} runs after it closes (the window refreshes lists a sync may have changed). */
    public static void show(Window owner, TeamViewModel vm, Runnable closed) {
        TextField server = new TextField();
        server.setPromptText("postgresql://host:5432/groundtruth");
        server.textProperty().bindBidirectional(vm.serverProperty());
        TextField project = new TextField();
        project.textProperty().bindBidirectional(vm.projectProperty());
        PasswordField password = new PasswordField();
        password.setPromptText(I18n.t("team.password.prompt"));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.t("team.server")), server);
        form.addRow(1, new Label(I18n.t("team.project")), project);
        form.addRow(2, new Label(I18n.t("team.password")), password);
        server.setPrefColumnCount(36);

        Button join = new Button(I18n.t("team.join"));
        join.setId("team-join");
        join.setOnAction(e -> vm.join(password.getText().toCharArray()));
        Button sync = new Button(I18n.t("team.sync"));
        sync.setId("team-sync");
        sync.setOnAction(e -> vm.sync(password.getText().toCharArray()));
        join.disableProperty().bind(vm.busyProperty());
        sync.disableProperty().bind(vm.busyProperty());

        Label status = new Label();
        status.setWrapText(true);
        status.setId("team-status");
        status.textProperty().bind(vm.statusProperty());

        ListView<FieldConflict> conflicts = new ListView<>(vm.conflicts());
        conflicts.setPrefHeight(220);
        conflicts.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FieldConflict k, boolean empty) {
                super.updateItem(k, empty);
                if (empty || k == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label what = new Label(I18n.t("team.conflict", k.incidentId(), k.field(), k.localValue(),
                        k.remoteActor(), k.remoteValue()));
                what.setWrapText(true);
                what.setMaxWidth(520);
                Button keepLocal = new Button(I18n.t("team.keepLocal"));
                keepLocal.setOnAction(e -> vm.resolve(k, false));
                Button keepRemote = new Button(I18n.t("team.keepRemote"));
                keepRemote.setOnAction(e -> vm.resolve(k, true));
                keepLocal.disableProperty().bind(vm.busyProperty());
                keepRemote.disableProperty().bind(vm.busyProperty());
                setText(null);
                setGraphic(new HBox(8, what, keepLocal, keepRemote));
            }
        });

        Button key = new Button(I18n.t("team.myKey"));
        key.setId("team-key");
        key.setOnAction(e -> vm.myKey());
        TextField invitee = new TextField();
        invitee.setId("team-invitee");
        invitee.setPromptText(I18n.t("team.invitee.prompt"));
        Button invite = new Button(I18n.t("team.invite"));
        invite.setId("team-invite");
        invite.setOnAction(e -> vm.invite(invitee.getText(), password.getText().toCharArray()));
        Button audit = new Button(I18n.t("team.audit"));
        audit.setId("team-audit");
        audit.setOnAction(e -> vm.verifyServer(password.getText().toCharArray()));
        key.disableProperty().bind(vm.busyProperty());
        invite.disableProperty().bind(vm.busyProperty());
        audit.disableProperty().bind(vm.busyProperty());

        HBox inviteRow = new HBox(8, invitee, invite); // the invitee field as wide as its prompt, at least
        HBox.setHgrow(invitee, javafx.scene.layout.Priority.ALWAYS);
        org.groundtruth.ui.common.WholePrompt.keep(invitee, 0);
        VBox content = new VBox(10, form, new javafx.scene.layout.FlowPane(8, 6, join, sync, audit, key), inviteRow, status, new Label(I18n.t("team.conflicts")), conflicts);
        content.setPrefWidth(760);
        content.setPadding(new javafx.geometry.Insets(12)); // with no header the form touched the window's edge
        org.groundtruth.ui.common.WholeText.keep(content); // "Password" was cut to "Passw…" by the narrow dialog
        Dialog<ButtonType> dialog = Dialogs.own(new Dialog<>(), owner);
        dialog.setTitle(I18n.t("team.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.close());
        dialog.getDialogPane().setContent(content);
        vm.load();
        dialog.showAndWait();
        closed.run();
    }
}
