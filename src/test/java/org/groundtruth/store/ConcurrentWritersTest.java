package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.groundtruth.cli.CliRun;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several OS processes write one investigation at once: every write succeeds (busy timeout, BEGIN IMMEDIATE,
 * bounded retry) and the custody chain stays one unbroken chain.
 */
class ConcurrentWritersTest {
    private static final int WRITERS = 4;
    private static final int ADDS_EACH = 50;

    @TempDir
    Path tmp;

    @Test
    void fourProcessesAddingFiftyIncidentsEachAllSucceed() throws Exception {
        Path ws = tmp.resolve("ws");
        assertThat(CliRun.of("--workspace", ws.toString(), "init").exitCode()).isZero();
        ChildProcesses children = new ChildProcesses(tmp);
        List<Process> writers = new ArrayList<>();
        for (int w = 1; w <= WRITERS; w++) {
            writers.add(children.java(RepeatCli.class.getName(), String.valueOf(ADDS_EACH), "--workspace",
                    ws.toString(), "--analyst", "writer " + w, "incident", "add", "--title",
                    "writer " + w + " incident {i}", "--tags", "w" + w));
        }
        for (int w = 0; w < WRITERS; w++) {
            assertThat(ChildProcesses.exitCode(writers.get(w))).as(children.output(w + 1)).isZero();
        }
        try (Investigation inv = TestInvestigations.open(ws)) {
            List<Incident> all = inv.incidents().list(IncidentQuery.ALL);
            assertThat(all).hasSize(WRITERS * ADDS_EACH);
            assertThat(titles(all)).hasSize(WRITERS * ADDS_EACH);
            assertThat(inv.custody().verify().isIntact()).isTrue();
            assertThat(inv.custody().size()).isEqualTo(WRITERS * ADDS_EACH);
        }
        assertThat(CliRun.of("--workspace", ws.toString(), "audit", "verify").exitCode()).isZero();
    }

    /** The window keeps its investigation open for hours; command-line writers must get through, and it too. */
    @Test
    void aLongOpenInvestigationAndCommandLineProcessesWriteAtOnce() throws Exception {
        Path ws = tmp.resolve("ws");
        ChildProcesses children = new ChildProcesses(tmp);
        try (Investigation window = TestInvestigations.open(ws)) {
            List<Process> writers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                writers.add(children.java(RepeatCli.class.getName(), String.valueOf(ADDS_EACH), "--workspace",
                        ws.toString(), "--analyst", "cli " + w, "incident", "add", "--title", "cli " + w + " #{i}"));
            }
            CompletableFuture<Void> windowWrites = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= ADDS_EACH; i++) {
                    window.incidents().create(Incident.titled("window #" + i), "window analyst", "");
                    window.incidents().list(IncidentQuery.ALL); // the list refreshes after each save
                }
            });
            for (int w = 0; w < writers.size(); w++) {
                assertThat(ChildProcesses.exitCode(writers.get(w))).as(children.output(w + 1)).isZero();
            }
            windowWrites.get();
            assertThat(window.incidents().list(IncidentQuery.ALL)).hasSize(3 * ADDS_EACH);
            assertThat(window.custody().verify().isIntact()).isTrue();
        }
    }

    private static Set<String> titles(List<Incident> incidents) {
        Set<String> titles = new HashSet<>();
        incidents.forEach(i -> titles.add(i.title()));
        return titles;
    }
}
