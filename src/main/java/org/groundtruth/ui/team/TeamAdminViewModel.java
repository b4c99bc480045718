package org.groundtruth.ui.team;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamAdmin;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Team ▸ Set up the server… and Register an analyst…: what {@code team init} and {@code team analyst add}
 * do, through the same service ({@link TeamAdmin}), run in the background. Passwords typed here are used for the one
 * call and then wiped; empty means PGPASSWORD or ~/.pgpass, as on the command line. A password generated for a new
 * analyst is shown once, here, and nowhere stored.
 */
public final class TeamAdminViewModel {
    private final Background background;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty(TeamAdmin.ROLES.get(0));
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty generatedPassword = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TeamAdminViewModel(Background background) {
        this.background = background;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The password generated for the analyst just registered (shown once); empty otherwise. */
    public StringProperty generatedPasswordProperty() {
        return generatedPassword;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Creates or upgrades the team schema on the server ({@code team init}). */
    public void initServer(char[] adminPassword) {
        Optional<ServerUrl> url = url();
        if (url.isEmpty()) {
            wipe(adminPassword);
            return;
        }
        Optional<char[]> secret = secret(adminPassword);
        start();
        background.run(I18n.t("team.admin.task.init"), progress -> {
            try {
                return TeamAdmin.init(url.get(), secret);
            } finally {
                wipe(adminPassword);
            }
        }, version -> {
            busy.set(false);
            status.set(I18n.t("team.admin.status.initialised", url.get().display(), version));
        }, this::failed);
    }

    /** Registers the analyst with their role and public key ({@code team analyst add}). */
    public void addAnalyst(char[] adminPassword, char[] analystPassword) {
        Optional<ServerUrl> url = url();
        String who = name.get() == null ? "" : name.get().strip();
        String file = keyFile.get() == null ? "" : keyFile.get().strip();
        String problem = url.isEmpty() ? status.get() : who.isEmpty() ? I18n.t("team.admin.status.noName")
                : file.isEmpty() ? I18n.t("team.admin.status.noKey") : "";
        if (!problem.isEmpty()) {
            status.set(problem);
            wipe(adminPassword);
            wipe(analystPassword);
            return;
        }
        String chosenRole = role.get();
        Optional<char[]> admin = secret(adminPassword);
        Optional<char[]> given = secret(analystPassword);
        start();
        background.run(I18n.t("team.admin.task.add"), progress -> {
            try {
                return TeamAdmin.addAnalyst(url.get(), admin, who, chosenRole, Path.of(file), given);
            } finally {
                wipe(adminPassword);
                wipe(analystPassword);
            }
        }, added -> {
            busy.set(false);
            var r = added.registered();
            generatedPassword.set(added.generatedPassword().orElse(""));
            status.set(I18n.t(added.generatedPassword().isPresent() ? "team.admin.status.addedGenerated"
                    : "team.admin.status.added", r.name(), r.role(), r.fingerprint()));
        }, this::failed);
    }

    private Optional<ServerUrl> url() {
        try {
            return Optional.of(ServerUrl.parse(server.get() == null ? "" : server.get().strip()));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return Optional.empty();
        }
    }

    private void start() {
        busy.set(true);
        generatedPassword.set("");
        status.set("");
    }

    private void failed(Throwable error) {
        busy.set(false);
        status.set(Errors.message(error));
    }

    private static Optional<char[]> secret(char[] password) {
        return password == null || password.length == 0 ? Optional.empty() : Optional.of(password);
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
