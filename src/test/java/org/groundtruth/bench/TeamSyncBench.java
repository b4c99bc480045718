package org.groundtruth.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.ServerAudit;
import org.groundtruth.store.team.TeamClient;
import org.groundtruth.store.team.TeamIdentity;
import org.groundtruth.store.team.TeamSync;
import org.groundtruth.team.TestServer;

/**
 * Team sync under load and faults, against a real PostgreSQL/PostGIS server ({@code GROUNDTRUTH_TEST_PG}, an
 * administrator's address; {@code GROUNDTRUTH_BENCH_PGDATA}, the cluster's data folder, for the faults that stop
 * and restart it).
 * <ul>
 * <li>{@code load [CLIENTS] [CHANGES] [EVERY]}: CLIENTS separate JVMs each make CHANGES incident changes and sync
 * every EVERY; then a final sync everywhere and the checks: every change on the server and on every laptop, no
 * duplicates, every chain and signature verifies. Prints changes/s and sync latency p50/p95.</li>
 * <li>{@code faults}: the server stopped with {@code pg_ctl stop -m immediate} mid-sync, a client process killed
 * mid-push, the listener cut (backends terminated, server restarted without TCP) mid-sync; after recovery and a
 * repeated sync, counts equal and chains verify.</li>
 * </ul>
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.TeamSyncBench -Dexec.args="load 8 200 20"</pre>
 */
public final class TeamSyncBench {
    private TeamSyncBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "load";
        if (mode.equals("client")) {
            client(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        if (System.getenv(TestServer.ENV) == null) {
            System.err.println("TeamSyncBench: set " + TestServer.ENV + "=postgresql://admin:password@host:port/postgres");
            System.exit(2);
        }
        if (mode.equals("load")) {
            load(arg(args, 1, 8), arg(args, 2, 200), arg(args, 3, 20));
        } else {
            faults();
        }
        System.exit(0);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    // ---- load ---------------------------------------------------------------------------------------------

    private static void load(int clients, int changes, int every) throws Exception {
        Path root = Files.createTempDirectory("gt-team-bench");
        try (TestServer server = TestServer.create()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = server.name("analyst" + i);
                names.add(name);
                server.register(new KeyRing(root.resolve(name).resolve("keys")), name, i == 0 ? "editor" : "analyst");
            }
            try (Investigation first = laptop(root, names.get(0)); TeamClient c = client(server, names.get(0))) {
                TeamSync.join(first, c, "load", names.get(0));
                for (String n : names.subList(1, names.size())) {
                    c.invite("load", n);
                }
            }
            for (String n : names.subList(1, names.size())) {
                try (Investigation inv = laptop(root, n); TeamClient c = client(server, n)) {
                    TeamSync.join(inv, c, "load", n);
                }
            }
            long start = System.nanoTime();
            List<Process> procs = new ArrayList<>();
            for (String n : names) {
                procs.add(child(server, root, n, List.of("client", root.toString(), n, String.valueOf(changes),
                        String.valueOf(every))));
            }
            List<Double> latencies = new ArrayList<>();
            for (Process p : procs) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("latency-ms ")) {
                            Arrays.stream(line.substring(11).trim().split(" ")).map(Double::parseDouble).forEach(latencies::add);
                        }
                    }
                }
                if (p.waitFor() != 0) {
                    String name = names.get(procs.indexOf(p));
                    List<String> err = Files.readAllLines(root.resolve(name + ".err"));
                    throw new IllegalStateException("client " + name + " failed: "
                            + String.join("\n", err.subList(Math.max(0, err.size() - 30), err.size())));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (String n : names) { // final sync everywhere
                try (Investigation inv = laptop(root, n); TeamClient c = client(server, n)) {
                    new TeamSync(inv, c, ProgressMonitor.NONE).run(n);
                }
            }
            long total = (long) clients * changes;
            check(server, root, names, total, "load");
            latencies.sort(Double::compare);
            System.out.printf(Locale.ROOT, "load: %d clients x %d changes, sync every %d: %d changes in %.1f s = %.0f changes/s"
                    + " (incl. JVM start); %d syncs, latency p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", clients, changes,
                    every, total, seconds, total / seconds, latencies.size(), pct(latencies, 0.50), pct(latencies, 0.95),
                    latencies.get(latencies.size() - 1));
        } finally {
            deleteTree(root);
        }
    }

    /** A client process: CHANGES changes (a create, then edits of the incidents it created), syncing every EVERY. */
    private static void client(Path root, String name, int changes, int every) throws Exception {
        List<Double> latencies = new ArrayList<>();
        try (Investigation inv = laptop(root, name)) {
            List<Incident> mine = new ArrayList<>();
            var link = inv.team().link().orElseThrow();
            if (changes == 0) { // only push what is pending (the fault run kills this process mid-push)
                try (TeamClient c = TeamClient.open(org.groundtruth.store.team.ServerUrl.parse(link.server()), name,
                        Optional.empty())) {
                    new TeamSync(inv, c, ProgressMonitor.NONE).run(name);
                }
            }
            for (int i = 1; i <= changes; i++) {
                if (i % 4 == 1 || mine.isEmpty()) {
                    mine.add(inv.incidents().create(Incident.titled(name + " удар " + i), name, "новий"));
                } else {
                    int k = i % mine.size();
                    Incident edited = mine.get(k).toBuilder().description("зміна " + i).build();
                    mine.set(k, inv.incidents().update(edited, name, "уточнення"));
                }
                if (i % every == 0) {
                    long t = System.nanoTime();
                    try (TeamClient c = TeamClient.open(org.groundtruth.store.team.ServerUrl.parse(link.server()), name,
                            Optional.empty())) {
                        new TeamSync(inv, c, ProgressMonitor.NONE).run(name);
                    }
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        StringBuilder line = new StringBuilder("latency-ms");
        latencies.forEach(l -> line.append(' ').append(String.format(Locale.ROOT, "%.2f", l)));
        System.out.println(line);
    }

    // ---- faults -------------------------------------------------------------------------------------------

    private static void faults() throws Exception {
        String pgdata = System.getenv("GROUNDTRUTH_BENCH_PGDATA");
        if (pgdata == null) {
            System.err.println("TeamSyncBench faults: set GROUNDTRUTH_BENCH_PGDATA to the test cluster's data folder");
            System.exit(2);
        }
        Path root = Files.createTempDirectory("gt-team-faults");
        try (TestServer server = TestServer.create()) {
            String a = server.name("fa");
            String b = server.name("fb");
            server.register(new KeyRing(root.resolve(a).resolve("keys")), a, "analyst");
            server.register(new KeyRing(root.resolve(b).resolve("keys")), b, "reviewer");
            try (Investigation inv = laptop(root, a); TeamClient c = client(server, a)) {
                TeamSync.join(inv, c, "faults", a);
                c.invite("faults", b);
            }
            try (Investigation inv = laptop(root, b); TeamClient c = client(server, b)) {
                TeamSync.join(inv, c, "faults", b);
            }
            int per = 300;

            // 1. pg_ctl stop -m immediate after the first pushed batch is committed.
            changes(root, a, per, "stop");
            boolean failed = interruptedSync(server, root, a, () -> pgctl(pgdata, "stop -m immediate"));
            pgctl(pgdata, start(server, pgdata, true));
            report("server stopped (immediate) mid-sync", failed, server, root, List.of(a, b), per);

            // 2. A client process killed while it pushes.
            changes(root, a, per, "kill");
            Process p = child(server, root, a, List.of("client", root.toString(), a, "0", "1"));
            long target = per * 2L;
            waitForPartialPush(server, a, per, target, p);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            report("client killed mid-push (device head " + deviceHead(server, a) + " of " + target + ")", true,
                    server, root, List.of(a, b), target);

            // 3. The listener cut: backends terminated and the server restarted without TCP, mid-sync.
            changes(root, a, per, "cut");
            failed = interruptedSync(server, root, a, () -> {
                try (Connection c = server.adminConnection(); Statement st = c.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'groundtruth'"
                            + " AND pid <> pg_backend_pid()");
                }
                pgctl(pgdata, "restart -m fast -l " + Path.of(pgdata).resolveSibling("server.log") + options(server, pgdata, false));
            });
            pgctl(pgdata, "restart -m fast -l " + Path.of(pgdata).resolveSibling("server.log") + options(server, pgdata, true));
            report("listener cut mid-sync", failed, server, root, List.of(a, b), per * 3L);
        } finally {
            deleteTree(root);
        }
    }

    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    /** Syncs, injecting {@code fault} once the first batch is pushed; returns true when the sync failed. */
    private static boolean interruptedSync(TestServer server, Path root, String name, Fault fault) throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        ProgressMonitor trip = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                if (!injected.getAndSet(true)) {
                    try {
                        fault.inject();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not inject the fault: " + e, e);
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (Investigation inv = laptop(root, name); TeamClient c = client(server, name)) {
            new TeamSync(inv, c, trip).run(name);
            return false;
        } catch (RuntimeException e) {
            System.out.println("  the interrupted sync failed as expected: " + firstLine(e));
            return true;
        }
    }

    private static void report(String fault, boolean failed, TestServer server, Path root, List<String> names,
            long expected) throws Exception {
        long t = System.nanoTime();
        for (String n : names) {
            try (Investigation inv = laptop(root, n); TeamClient c = client(server, n)) {
                new TeamSync(inv, c, ProgressMonitor.NONE).run(n);
            }
        }
        double ms = (System.nanoTime() - t) / 1e6;
        check(server, root, names, expected, "faults");
        System.out.flush();
        System.out.printf(Locale.ROOT, "fault: %-70s interrupted=%s; recovery sync %.0f ms; %d entries on server and"
                + " every laptop, chains verify%n", fault, failed, ms, expected);
    }

    private static void changes(Path root, String name, int n, String tag) {
        try (Investigation inv = laptop(root, name)) {
            for (int i = 0; i < n; i++) {
                inv.incidents().create(Incident.titled(tag + " " + i), name, tag);
            }
        }
    }

    private static void waitForPartialPush(TestServer server, String name, long from, long to, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && p.isAlive()) {
            long head = deviceHead(server, name);
            if (head > from && head < to) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the client finished or stalled before it could be killed mid-push");
    }

    private static long deviceHead(TestServer server, String name) throws SQLException {
        try (Connection c = server.adminConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(head_seq), 0) FROM gt.device WHERE analyst = '"
                     + name.replace("'", "''") + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String start(TestServer server, String pgdata, boolean tcp) {
        return "start -l " + Path.of(pgdata).resolveSibling("server.log") + options(server, pgdata, tcp);
    }

    private static String options(TestServer server, String pgdata, boolean tcp) {
        return " -o \"-p " + server.url.port() + " -c listen_addresses=" + (tcp ? "127.0.0.1" : "''") + " -k "
                + Path.of(pgdata).getParent() + "\"";
    }

    private static void pgctl(String pgdata, String command) throws IOException, InterruptedException {
        String line = "/usr/lib/postgresql/15/bin/pg_ctl -D " + pgdata + " -w " + command;
        boolean root = "root".equals(System.getProperty("user.name"));
        ProcessBuilder pb = root ? new ProcessBuilder("su", "postgres", "-s", "/bin/sh", "-c", line)
                : new ProcessBuilder("/bin/sh", "-c", line);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl " + command + " failed: " + out);
        }
    }

    // ---- checks and helpers -------------------------------------------------------------------------------

    /** Every change on the server and every laptop, no duplicates, every chain and signature verifies. */
    private static void check(TestServer server, Path root, List<String> names, long expected, String project)
            throws SQLException {
        try (Connection c = server.adminConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT (device_id, sequence)), count(DISTINCT hash)"
                     + " FROM gt.entry e JOIN gt.project p ON p.id = e.project_id WHERE p.name = '" + project + "'")) {
            rs.next();
            if (rs.getLong(1) != expected || rs.getLong(2) != expected || rs.getLong(3) != expected) {
                throw new IllegalStateException("server holds " + rs.getLong(1) + " entries (" + rs.getLong(2)
                        + " distinct), expected " + expected);
            }
            List<ServerAudit.ProjectCheck> audit = ServerAudit.verify(server.url, c, Optional.of(project));
            if (!audit.get(0).intact()) {
                throw new IllegalStateException("server chain: " + audit.get(0).problems());
            }
        }
        for (String n : names) {
            try (Investigation inv = laptop(root, n)) {
                long held = inv.team().ownHead() + inv.team().mirroredCount();
                if (held != expected) {
                    throw new IllegalStateException(n + " holds " + held + " entries, expected " + expected);
                }
                if (!inv.custody().verify().isIntact() || !inv.team().verifySignatures().isValid()) {
                    throw new IllegalStateException(n + ": " + inv.custody().verify().problem() + " "
                            + inv.team().verifySignatures().problem());
                }
            }
        }
    }

    private static Investigation laptop(Path root, String name) {
        Investigation inv = TestInvestigations.open(root.resolve(name).resolve("investigation"));
        TeamIdentity.install(inv, name, new KeyRing(root.resolve(name).resolve("keys")));
        return inv;
    }

    private static TeamClient client(TestServer server, String name) {
        return TeamClient.open(server.url, name, Optional.of(TestServer.password(name)));
    }

    private static Process child(TestServer server, Path root, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath(), TeamSyncBench.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PGPASSWORD", new String(TestServer.password(name)));
        pb.redirectError(root.resolve(name + ".err").toFile());
        return pb.start();
    }

    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> parts = new ArrayList<>();
            for (URL u : loader.getURLs()) {
                parts.add(new File(u.getPath()).getPath());
            }
            if (!parts.isEmpty()) {
                return String.join(File.pathSeparator, parts);
            }
        }
        return System.getProperty("java.class.path");
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
