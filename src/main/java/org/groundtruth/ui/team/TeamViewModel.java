package org.groundtruth.ui.team;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamIdentity;
import org.groundtruth.store.team.TeamSync;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * File ▸ Team: join a project on the team server, sync, and resolve conflicting offline edits — the same
 * services as {@code team join}, {@code sync} and {@code team resolve}, run in the background.
 */
public final class TeamViewModel {
    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final KeyRing ring;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty project = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<FieldConflict> conflicts = FXCollections.observableArrayList();
    private Optional<TeamStatusViewModel> statusBar = Optional.empty();

    public TeamViewModel(Background background, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst, KeyRing ring) {
        this.background = background;
        this.investigation = investigation;
        this.analyst = analyst;
        this.ring = ring;
    }

    /** The status bar's team line, refreshed after each join, sync and resolution made here. */
    public TeamViewModel withStatusBar(TeamStatusViewModel bar) {
        this.statusBar = Optional.of(bar);
        return this;
    }

    private void changed(char[] password) {
        statusBar.ifPresent(bar -> {
            if (password != null) {
                bar.rememberPassword(password);
            }
            bar.refresh();
        });
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty projectProperty() {
        return project;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<FieldConflict> conflicts() {
        return conflicts;
    }

    /** Fills the form from the investigation's link and lists open conflicts. */
    public void load() {
        run("team.task.load", (inv, progress) -> new Loaded(inv.team().link(), inv.team().conflicts(false)), loaded -> {
            loaded.link().ifPresent(l -> {
                server.set(l.server());
                project.set(l.project());
                status.set(I18n.t("team.status.linked", l.project(), l.deviceId()));
            });
            if (loaded.link().isEmpty()) {
                status.set(I18n.t("team.status.notLinked"));
            }
            conflicts.setAll(loaded.conflicts());
        });
    }

    private record Loaded(Optional<org.groundtruth.store.TeamLocal.Link> link, List<FieldConflict> conflicts) {
    }

    /** Joins (or creates) the project as the current analyst; {@code password} empty means PGPASSWORD/~/.pgpass. */
    public void join(char[] password) {
        String who = analyst.get();
        ServerUrl url;
        try {
            url = ServerUrl.parse(server.get().strip());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        String name = project.get().strip();
        if (name.isEmpty()) {
            status.set(I18n.t("team.status.noProject"));
            return;
        }
        run("team.task.join", (inv, progress) -> {
            TeamIdentity.install(inv, who, ring);
            try (TeamClient client = TeamClient.open(url, who, secret(password))) {
                return TeamSync.join(inv, client, name, who);
            }
        }, link -> {
            status.set(I18n.t("team.status.joined", who, link.project(), link.deviceId()));
            changed(password);
        });
    }

    public void sync(char[] password) {
        String who = analyst.get();
        run("team.task.sync", (inv, progress) -> {
            TeamIdentity.install(inv, who, ring);
            var link = inv.team().link().orElseThrow(() -> new IllegalArgumentException(I18n.t("team.status.notLinked")));
            try (TeamClient client = TeamClient.open(ServerUrl.parse(link.server()), who, secret(password))) {
                TeamSync.Result r = new TeamSync(inv, client, progress).run(who);
                return new Synced(r, inv.team().conflicts(false));
            }
        }, synced -> {
            TeamSync.Result r = synced.result();
            status.set(I18n.t("team.status.synced", r.pushed(), r.pulled(), r.conflicts(), r.openConflicts()));
            conflicts.setAll(synced.conflicts());
            changed(password);
        });
    }

    private record Synced(TeamSync.Result result, List<FieldConflict> conflicts) {
    }

    /**
     * Creates the current analyst's key pair on this machine (passphrase from GROUNDTRUTH_KEY_PASSPHRASE when set),
     * or shows the one it has: the public key file goes to the administrator for {@code team analyst add}.
     */
    public void myKey() {
        String who = analyst.get();
        busy.set(true);
        background.run(I18n.t("team.task.key"), progress -> {
            Optional<org.groundtruth.core.identity.AnalystKey> existing = ring.publicKey(who);
            if (existing.isPresent()) {
                return I18n.t("team.status.keyExists", who, existing.get().fingerprint(), ring.publicFile(who));
            }
            var key = ring.create(who, KeyRing.passphraseFromEnvironment());
            return I18n.t("team.status.keyCreated", who, key.fingerprint(), ring.publicFile(who));
        }, text -> {
            busy.set(false);
            status.set(text);
        }, error -> {
            busy.set(false);
            status.set(Errors.message(error));
        });
    }

    /** Invites another registered analyst into this investigation's project (they then join it). */
    public void invite(String name, char[] password) {
        String who = analyst.get();
        String invited = name == null ? "" : name.strip();
        if (invited.isEmpty()) {
            status.set(I18n.t("team.status.noInvitee"));
            return;
        }
        run("team.task.invite", (inv, progress) -> {
            var link = inv.team().link().orElseThrow(() -> new IllegalArgumentException(I18n.t("team.status.notLinked")));
            try (TeamClient client = TeamClient.open(ServerUrl.parse(link.server()), who, secret(password))) {
                client.invite(link.project(), invited);
            }
            return link.project();
        }, projectName -> status.set(I18n.t("team.status.invited", invited, projectName)));
    }

    /** Recomputes the project chain, every device chain and every signature on the server (team audit verify). */
    public void verifyServer(char[] password) {
        String who = analyst.get();
        run("team.task.audit", (inv, progress) -> {
            var link = inv.team().link().orElseThrow(() -> new IllegalArgumentException(I18n.t("team.status.notLinked")));
            ServerUrl url = ServerUrl.parse(link.server());
            return org.groundtruth.store.team.ServerAudit.verify(url, who, secret(password), Optional.of(link.project()));
        }, checks -> {
            StringBuilder text = new StringBuilder();
            for (var k : checks) {
                text.append(I18n.t(k.intact() ? "team.status.auditOk" : "team.status.auditBroken", k.project(),
                        k.entries(), k.devices()));
                k.problems().forEach(p -> text.append('\n').append(p));
            }
            status.set(text.toString());
        });
    }

    /** Keeps one value of a conflict; the resolution is a custody entry. */
    public void resolve(FieldConflict conflict, boolean keepRemote) {
        String who = analyst.get();
        run("team.task.resolve", (inv, progress) -> {
            TeamIdentity.install(inv, who, ring);
            inv.team().resolve(conflict.id(), keepRemote, who);
            return inv.team().conflicts(false);
        }, open -> {
            conflicts.setAll(open);
            status.set(I18n.t("team.status.resolved", conflict.field(), conflict.incidentId()));
            changed(null);
        });
    }

    @FunctionalInterface
    private interface Step<T> {
        T run(Investigation inv, org.groundtruth.core.ProgressMonitor progress) throws Exception;
    }

    private <T> void run(String titleKey, Step<T> step, java.util.function.Consumer<T> done) {
        Optional<Investigation> inv = investigation.get();
        if (inv.isEmpty()) {
            status.set(I18n.t("team.status.noInvestigation"));
            return;
        }
        busy.set(true);
        background.run(I18n.t(titleKey), progress -> step.run(inv.get(), progress), result -> {
            busy.set(false);
            done.accept(result);
        }, error -> {
            busy.set(false);
            status.set(Errors.message(error));
        });
    }

    private static Optional<char[]> secret(char[] password) {
        return password == null || password.length == 0 ? Optional.empty() : Optional.of(password);
    }
}
