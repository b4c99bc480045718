package org.groundtruth.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.team.TestServer;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Team without a toolkit: clear messages for bad input, and (with a test server) join, sync, conflicts. */
class TeamViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void badInputIsNamedAndNothingIsLinked() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            TeamViewModel vm = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(inv), () -> "Олена",
                    new KeyRing(tmp.resolve("keys")));
            vm.load();
            assertThat(vm.statusProperty().get()).contains("Not linked");
            vm.serverProperty().set("http://example.org/db");
            vm.projectProperty().set("Херсон");
            vm.join(new char[0]);
            assertThat(vm.statusProperty().get()).contains("postgresql://host:port/database");
            vm.serverProperty().set("postgresql://127.0.0.1:1/gt");
            vm.join(new char[0]);
            assertThat(vm.statusProperty().get()).isNotBlank();
            assertThat(vm.busyProperty().get()).isFalse();
            vm.sync(new char[0]);
            assertThat(vm.statusProperty().get()).contains("Not linked");
            assertThat(inv.team().link()).isEmpty();
        }
        TeamViewModel none = new TeamViewModel(InlineBackground.INSTANCE, Optional::empty, () -> "x",
                new KeyRing(tmp.resolve("keys")));
        none.sync(new char[0]);
        assertThat(none.statusProperty().get()).contains("Open an investigation");
    }

    @Test
    void joinSyncAndResolveThroughTheWindowsViewModel() throws Exception {
        try (TestServer server = TestServer.create()) {
            String olena = server.name("ВМ Олена");
            String petro = server.name("ВМ Петро");
            KeyRing olenaKeys = new KeyRing(tmp.resolve("o/keys"));
            KeyRing petroKeys = new KeyRing(tmp.resolve("p/keys"));
            server.register(olenaKeys, olena, "analyst");
            server.register(petroKeys, petro, "reviewer");
            try (Investigation a = TestInvestigations.open(tmp.resolve("o/ws"));
                 Investigation b = TestInvestigations.open(tmp.resolve("p/ws"))) {
                TeamViewModel va = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(a), () -> olena, olenaKeys);
                TeamViewModel vb = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(b), () -> petro, petroKeys);
                va.serverProperty().set(server.url.display());
                va.projectProperty().set("Вікно");
                va.join(TestServer.password(olena));
                assertThat(va.statusProperty().get()).contains("joined project Вікно");
                try (var c = org.groundtruth.store.team.TeamClient.open(server.url, olena,
                        Optional.of(TestServer.password(olena)))) {
                    c.invite("Вікно", petro);
                }
                vb.serverProperty().set(server.url.display());
                vb.projectProperty().set("Вікно");
                vb.join(TestServer.password(petro));

                Incident i = a.incidents().create(Incident.titled("Спільне"), olena, "нове");
                va.sync(TestServer.password(olena));
                vb.sync(TestServer.password(petro));
                assertThat(vb.statusProperty().get()).startsWith("Pushed 0, pulled 1");
                a.incidents().update(a.incidents().get(i.id()).toBuilder().title("А").build(), olena, "x");
                b.incidents().update(b.incidents().get(i.id()).toBuilder().title("Б").build(), petro, "y");
                va.sync(TestServer.password(olena));
                vb.sync(TestServer.password(petro));
                assertThat(vb.conflicts()).singleElement().satisfies(k -> assertThat(k.field()).isEqualTo("title"));
                vb.resolve(vb.conflicts().get(0), true);
                assertThat(vb.conflicts()).isEmpty();
                assertThat(b.incidents().get(i.id()).title()).isEqualTo("А");
            }
        }
    }
}
