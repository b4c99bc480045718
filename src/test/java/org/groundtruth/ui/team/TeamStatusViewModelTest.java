package org.groundtruth.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamStatus;
import org.groundtruth.team.TestServer;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar's team line without a toolkit: hidden when not linked; offline it shows the entries waiting to be
 * pushed and why the server was not reached; online (with a test server) what waits to be pulled, a sync with
 * progress, and a cancelled sync that loses nothing.
 */
class TeamStatusViewModelTest {
    @TempDir
    Path tmp;

    /** Runs work inline, recording the progress it reports; optionally cancelled from the start. */
    private static final class Recording implements Background {
        final List<long[]> progress = new ArrayList<>();
        boolean cancelled;

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                onSuccess.accept(work.run(new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        progress.add(new long[] {done, total});
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled;
                    }
                }));
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return () -> cancelled = true;
        }
    }

    @Test
    void offlineTheLineShowsWhatWaitsToBePushedAndWhy() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            TeamStatusViewModel vm = new TeamStatusViewModel(InlineBackground.INSTANCE, () -> Optional.of(inv),
                    () -> "Олена", new KeyRing(tmp.resolve("keys")));
            vm.refresh();
            assertThat(vm.linkedProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get()).isEmpty();

            inv.team().link("127.0.0.1:1/gt", "Херсон", "dev-offline01");
            inv.incidents().create(Incident.titled("Польова робота"), "Олена", "нове");
            inv.incidents().create(Incident.titled("Ще одна"), "Олена", "нове");
            vm.refresh();
            assertThat(vm.linkedProperty().get()).isTrue();
            assertThat(vm.summaryProperty().get()).isEqualTo(
                    "Team Херсон @ 127.0.0.1:1/gt (not checked with the server): 2 to push · 0 conflicts");
            assertThat(vm.detailProperty().get()).contains("127.0.0.1:1");
            assertThat(vm.busyProperty().get()).isFalse();

            vm.sync();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.detailProperty().get()).isNotBlank();
            assertThat(vm.statusProperty().get()).hasValueSatisfying(s -> assertThat(s.pendingPush()).isEqualTo(2));
        }
    }

    @Test
    void onlineItShowsWhatWaitsToBePulledAndSyncsWithProgress() throws Exception {
        try (TestServer server = TestServer.create()) {
            String olena = server.name("Рядок Олена");
            String petro = server.name("Рядок Петро");
            KeyRing olenaKeys = new KeyRing(tmp.resolve("o/keys"));
            KeyRing petroKeys = new KeyRing(tmp.resolve("p/keys"));
            server.register(olenaKeys, olena, "analyst");
            server.register(petroKeys, petro, "reviewer");
            try (Investigation a = TestInvestigations.open(tmp.resolve("o/ws"));
                 Investigation b = TestInvestigations.open(tmp.resolve("p/ws"))) {
                Recording work = new Recording();
                TeamStatusViewModel bar = new TeamStatusViewModel(work, () -> Optional.of(a), () -> olena, olenaKeys);
                TeamViewModel va = new TeamViewModel(work, () -> Optional.of(a), () -> olena, olenaKeys)
                        .withStatusBar(bar);
                va.serverProperty().set(server.url.display());
                va.projectProperty().set("Рядок");
                va.join(TestServer.password(olena));
                assertThat(bar.summaryProperty().get()).isEqualTo("Team Рядок @ " + server.url.display()
                        + ": 0 to push · 0 to pull · 0 conflicts");
                try (TeamClient c = TeamClient.open(server.url, olena, Optional.of(TestServer.password(olena)))) {
                    c.invite("Рядок", petro);
                }
                TeamViewModel vb = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(b), () -> petro,
                        petroKeys);
                vb.serverProperty().set(server.url.display());
                vb.projectProperty().set("Рядок");
                vb.join(TestServer.password(petro));
                for (int i = 0; i < 3; i++) {
                    b.incidents().create(Incident.titled("Від Петра " + i), petro, "нове");
                }
                vb.sync(TestServer.password(petro));
                a.incidents().create(Incident.titled("Від Олени"), olena, "нове");

                bar.refresh();
                TeamStatus before = bar.statusProperty().get().orElseThrow();
                assertThat(before.serverReached()).isTrue();
                assertThat(before.pendingPush()).isEqualTo(1);
                assertThat(before.pendingPull()).contains(3L);

                // A cancelled sync stops cleanly; nothing is lost and the next one completes.
                work.cancelled = true;
                bar.sync();
                assertThat(bar.detailProperty().get()).containsIgnoringCase("cancel");
                work.cancelled = false;
                work.progress.clear();
                bar.sync();
                assertThat(bar.detailProperty().get()).isEqualTo("Pushed 1, pulled 3 entries; 0 new conflicts, 0 open");
                assertThat(bar.summaryProperty().get()).endsWith(": 0 to push · 0 to pull · 0 conflicts");
                assertThat(work.progress).isNotEmpty().allSatisfy(p -> assertThat(p[0]).isLessThanOrEqualTo(p[1]));
                assertThat(a.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL)).hasSize(4);
            }
        }
    }
}
