package org.groundtruth.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

/** File ▸ Team offers what the command line does: the analyst's key, inviting a colleague, the server audit. */
class TeamDialogActionsTest {
    @TempDir
    Path tmp;

    @Test
    void myKeyIsCreatedOnceAndThenShown() {
        KeyRing ring = new KeyRing(tmp.resolve("keys"));
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            TeamViewModel vm = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(inv), () -> "Олена Ключ",
                    ring);
            vm.myKey();
            String fingerprint = ring.publicKey("Олена Ключ").orElseThrow().fingerprint();
            assertThat(vm.statusProperty().get()).startsWith("Created the key of Олена Ключ (fingerprint " + fingerprint)
                    .contains(ring.publicFile("Олена Ключ").toString());
            assertThat(Files.exists(ring.publicFile("Олена Ключ"))).isTrue();
            vm.myKey();
            assertThat(vm.statusProperty().get()).contains("already has a key").contains(fingerprint);
            assertThat(ring.publicKey("Олена Ключ").orElseThrow().fingerprint()).isEqualTo(fingerprint);

            vm.invite("  ", new char[0]);
            assertThat(vm.statusProperty().get()).isEqualTo("Enter the name of the analyst to invite.");
            vm.invite("Петро", new char[0]);
            assertThat(vm.statusProperty().get()).contains("Not linked");
            vm.verifyServer(new char[0]);
            assertThat(vm.statusProperty().get()).contains("Not linked");
        }
    }

    @Test
    void inviteAndServerAuditThroughTheDialogsViewModel() throws Exception {
        try (TestServer server = TestServer.create()) {
            String olena = server.name("Діалог Олена");
            String petro = server.name("Діалог Петро");
            KeyRing olenaKeys = new KeyRing(tmp.resolve("o/keys"));
            KeyRing petroKeys = new KeyRing(tmp.resolve("p/keys"));
            server.register(olenaKeys, olena, "analyst");
            server.register(petroKeys, petro, "reviewer");
            try (Investigation a = TestInvestigations.open(tmp.resolve("o/ws"));
                 Investigation b = TestInvestigations.open(tmp.resolve("p/ws"))) {
                TeamViewModel va = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(a), () -> olena, olenaKeys);
                va.serverProperty().set(server.url.display());
                va.projectProperty().set("Діалог");
                va.join(TestServer.password(olena));
                a.incidents().create(Incident.titled("Перше"), olena, "нове");
                va.sync(TestServer.password(olena));

                TeamViewModel vb = new TeamViewModel(InlineBackground.INSTANCE, () -> Optional.of(b), () -> petro, petroKeys);
                vb.serverProperty().set(server.url.display());
                vb.projectProperty().set("Діалог");
                vb.join(TestServer.password(petro));
                assertThat(vb.statusProperty().get()).contains("not a member");

                va.invite(petro, TestServer.password(olena));
                assertThat(va.statusProperty().get()).isEqualTo(petro + " is invited into project Діалог: they can join it now.");
                vb.join(TestServer.password(petro));
                assertThat(vb.statusProperty().get()).contains("joined project Діалог");

                va.verifyServer(TestServer.password(olena));
                assertThat(va.statusProperty().get()).startsWith("OK: project Діалог, 1 entries from 1 devices");
            }
        }
    }
}
