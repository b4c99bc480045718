package org.groundtruth.ui.team;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamIdentity;
import org.groundtruth.store.team.TeamStatus;
import org.groundtruth.store.team.TeamSync;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The team line of the status bar (issue 17): server and project, entries waiting to be pushed and pulled, open
 * conflicts, and a sync that runs in the background with progress and can be cancelled from the status bar.
 * The server is asked in the background; when it cannot be reached the line says so and shows what the laptop
 * knows (its entries not yet pushed, its open conflicts).
 */
public final class TeamStatusViewModel {
    private final Background background;
    private final Supplier<Optional<Investigation>> investigation;
    private final Supplier<String> analyst;
    private final KeyRing ring;
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final BooleanProperty linked = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Optional<TeamStatus>> status = new SimpleObjectProperty<>(Optional.empty());
    private Optional<char[]> password = Optional.empty();
    private Runnable onSynced = () -> { };
    private boolean refreshAgain;

    public TeamStatusViewModel(Background background, Supplier<Optional<Investigation>> investigation,
            Supplier<String> analyst, KeyRing ring) {
        this.background = background;
        this.investigation = investigation;
        this.analyst = analyst;
        this.ring = ring;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Why the server was not reached, or the last sync's figures. */
    public StringProperty detailProperty() {
        return detail;
    }

    public BooleanProperty linkedProperty() {
        return linked;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<Optional<TeamStatus>> statusProperty() {
        return status;
    }

    /** Called after a sync that changed data (the window refreshes its lists). */
    public void setOnSynced(Runnable onSynced) {
        this.onSynced = onSynced;
    }

    /** The password entered in File ▸ Team, kept in memory for status-bar syncs; empty means PGPASSWORD/~/.pgpass. */
    public void rememberPassword(char[] secret) {
        password.ifPresent(p -> Arrays.fill(p, '\0'));
        password = secret == null || secret.length == 0 ? Optional.empty() : Optional.of(secret.clone());
    }

    /** Shows the local status at once, then asks the server in the background. */
    public void refresh() {
        Optional<Investigation> inv = investigation.get();
        if (inv.isEmpty()) {
            show(Optional.empty());
            return;
        }
        if (busy.get()) {
            refreshAgain = true;
            return;
        }
        busy.set(true);
        Optional<char[]> secret = password;
        String who = analyst.get();
        background.run(I18n.t("team.task.status"), progress -> {
            TeamStatus here = TeamStatus.local(inv.get());
            if (!here.linked()) {
                return here;
            }
            try (TeamClient client = TeamClient.open(ServerUrl.parse(here.server()), who, secret)) {
                return TeamStatus.probe(inv.get(), client);
            } catch (RuntimeException e) {
                return here.offline(Errors.message(e));
            }
        }, s -> {
            busy.set(false);
            show(Optional.of(s));
            again();
        }, error -> {
            busy.set(false);
            detail.set(Errors.message(error));
            again();
        });
    }

    private void again() {
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** Pushes and pulls in the background; the status bar shows its progress and can cancel it. */
    public void sync() {
        Optional<Investigation> inv = investigation.get();
        if (inv.isEmpty() || !linked.get() || busy.get()) {
            return;
        }
        busy.set(true);
        Optional<char[]> secret = password;
        String who = analyst.get();
        background.run(I18n.t("team.task.sync"), progress -> {
            TeamIdentity.install(inv.get(), who, ring);
            String server = inv.get().team().link().orElseThrow().server();
            try (TeamClient client = TeamClient.open(ServerUrl.parse(server), who, secret)) {
                TeamSync.Result r = new TeamSync(inv.get(), client, progress).run(who);
                return new Synced(r, TeamStatus.probe(inv.get(), client));
            }
        }, synced -> {
            busy.set(false);
            show(Optional.of(synced.status()));
            TeamSync.Result r = synced.result();
            detail.set(I18n.t("team.status.synced", r.pushed(), r.pulled(), r.conflicts(), r.openConflicts()));
            onSynced.run();
            again();
        }, error -> {
            busy.set(false);
            String why = Errors.message(error);
            investigation.get().ifPresent(i -> show(Optional.of(TeamStatus.local(i).offline(why))));
            detail.set(why);
            onSynced.run();
            again();
        });
    }

    private record Synced(TeamSync.Result result, TeamStatus status) {
    }

    private void show(Optional<TeamStatus> s) {
        status.set(s);
        linked.set(s.map(TeamStatus::linked).orElse(false));
        if (s.isEmpty() || !s.get().linked()) {
            summary.set("");
            detail.set("");
            return;
        }
        TeamStatus t = s.get();
        summary.set(t.serverReached()
                ? I18n.t("team.bar.online", t.project(), t.server(), t.pendingPush(), t.pendingPull().orElse(0L),
                        t.openConflicts())
                : I18n.t("team.bar.offline", t.project(), t.server(), t.pendingPush(), t.openConflicts()));
        t.offlineReason().ifPresent(detail::set);
    }
}
