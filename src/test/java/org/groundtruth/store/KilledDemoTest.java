package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.groundtruth.cli.CliRun;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} killed (SIGKILL) while it fills the investigation leaves the whole demo or none of it, and a second
 * run completes it. The kill lands when the first demo picture has reached the vault, i.e. inside the run; if the
 * machine was quick enough to finish first, the scenario is repeated (at most three times).
 */
class KilledDemoTest {
    private static final int ATTEMPTS = 3;

    @TempDir
    Path tmp;

    @Test
    void aKilledDemoLeavesNothingAndARerunFillsTheInvestigation() throws Exception {
        ChildProcesses children = new ChildProcesses(tmp);
        boolean killedInside = false;
        for (int attempt = 1; attempt <= ATTEMPTS && !killedInside; attempt++) {
            Path ws = tmp.resolve("ws-" + attempt);
            assertThat(CliRun.of("--workspace", ws.toString(), "init").exitCode()).isZero();
            Process demo = children.launcher("--workspace", ws.toString(), "demo");
            while (demo.isAlive() && vaultFiles(ws) == 0) {
                Thread.sleep(5);
            }
            killedInside = demo.isAlive();
            demo.destroyForcibly().waitFor(60, TimeUnit.SECONDS);

            long incidents = count(ws, "SELECT count(*) FROM incident");
            if (killedInside) {
                assertThat(incidents).as("a killed demo leaves no incident behind").isZero();
                assertThat(count(ws, "SELECT count(*) FROM audit_log")).isZero();
                assertThat(count(ws, "SELECT count(*) FROM evidence_item")).isZero();
            } else {
                assertThat(incidents).isEqualTo(DemoInvestigation.incidentCount());
            }
            CliRun again = CliRun.of("--workspace", ws.toString(), "demo");
            assertThat(again.exitCode()).as(again.out() + again.err()).isIn(0, 2);
            assertThat(count(ws, "SELECT count(*) FROM incident")).isEqualTo(DemoInvestigation.incidentCount());
            assertThat(CliRun.of("--workspace", ws.toString(), "audit", "verify").exitCode()).isZero();
        }
        assertThat(killedInside).as("the demo was killed while it ran").isTrue();
    }

    private static long vaultFiles(Path ws) throws Exception {
        Path vault = ws.resolve(Investigation.VAULT_DIR);
        if (!Files.isDirectory(vault)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(vault)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long count(Path ws, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
                Statement st = c.createStatement()) {
            try (ResultSet integrity = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(integrity.next() && "ok".equals(integrity.getString(1))).isTrue();
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
