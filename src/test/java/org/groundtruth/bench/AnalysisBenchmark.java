package org.groundtruth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.groundtruth.core.Ids;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.analysis.BruteForceDoubleTaps;
import org.groundtruth.core.analysis.DoubleTapDetector;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapReport;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.analysis.StrikePoint;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;

/**
 * Issue 7's figures, in one run: double-tap detection over 1,000,000 strikes (goal &lt; 2 s) beside the brute-force
 * pairwise check on 20,000 (same density of strikes in time and space, results compared), and {@code stats} over an
 * investigation of 1,000,000 incidents (goal &lt; 200 ms).
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.AnalysisBenchmark [-Dexec.args="1000000"]}
 */
public final class AnalysisBenchmark {
    /** CPU time of this thread: the machine is shared, so wall time alone overstates the cost under load. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    /** Strikes per second of the synthetic record: 1M over three years, about 38 an hour, over eastern Europe. */
    private static final double RATE = 1_000_000.0 / (3 * 365 * 86_400.0);

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println("Groundtruth analysis benchmark, " + Runtime.getRuntime().availableProcessors()
                + " CPU(s), Java " + System.getProperty("java.version"));
        System.out.println("load average at start: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        doubleTaps(size);
        stats(size);
    }

    private static void doubleTaps(int size) {
        DoubleTapDetector detector = new DoubleTapDetector(DoubleTapParameters.DEFAULT);
        List<StrikePoint> warm = strikes(new Random(1), 100_000);
        detector.detect(warm, DoubleTapDetector.Skipped.NONE, ProgressMonitor.NONE);

        List<StrikePoint> small = strikes(new Random(2), 20_000);
        long t0 = System.nanoTime();
        DoubleTapReport brute = BruteForceDoubleTaps.detect(small, DoubleTapParameters.DEFAULT, DoubleTapDetector.Skipped.NONE);
        long bruteNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        DoubleTapReport grid = detector.detect(small, DoubleTapDetector.Skipped.NONE, ProgressMonitor.NONE);
        long gridSmallNanos = System.nanoTime() - t0;
        if (!grid.equals(brute)) {
            throw new IllegalStateException("the grid search disagrees with the brute-force check on 20,000 strikes");
        }

        List<StrikePoint> large = strikes(new Random(3), size);
        long[] runs = new long[3];
        long[] cpu = new long[3];
        DoubleTapReport report = null;
        for (int r = 0; r < runs.length; r++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
            report = detector.detect(large, DoubleTapDetector.Skipped.NONE, ProgressMonitor.NONE);
            runs[r] = System.nanoTime() - t0;
            cpu[r] = CPU.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(runs);
        Arrays.sort(cpu);
        System.out.println();
        System.out.println("Double taps (500 m, 3 h)      strikes      time   pairs  groups");
        System.out.printf(Locale.ROOT, "brute force, all pairs      %9d  %8s  %6d  %6d%n", small.size(), ms(bruteNanos),
                brute.pairs().size(), brute.groups().size());
        System.out.printf(Locale.ROOT, "ECEF grid (same strikes)    %9d  %8s  %6d  %6d   identical result%n", small.size(),
                ms(gridSmallNanos), grid.pairs().size(), grid.groups().size());
        System.out.printf(Locale.ROOT, "ECEF grid, median of 3      %9d  %8s  %6d  %6d   goal < 2 s (CPU %s)%n",
                large.size(), ms(runs[1]), report.pairs().size(), report.groups().size(), ms(cpu[1]));
    }

    private static void stats(int size) throws Exception {
        Path dir = Files.createTempDirectory("gt-bench-stats");
        try (Investigation inv = TestInvestigations.open(dir)) {
            long t0 = System.nanoTime();
            fill(dir.resolve(Investigation.DATABASE_FILE), size);
            long fillNanos = System.nanoTime() - t0;
            System.out.println();
            System.out.printf(Locale.ROOT, "stats over %,d incidents (SQLite, filled in %s), median of 5:%n", size,
                    ms(fillNanos));
            IncidentFilter verified = IncidentFilter.ALL.withStatuses(Set.of(VerificationStatus.VERIFIED));
            IncidentFilter july = IncidentFilter.ALL.withFrom(Optional.of(Instant.parse("2024-07-01T00:00:00Z")))
                    .withUntil(Optional.of(Instant.parse("2024-08-01T00:00:00Z")));
            time("stats --by month", () -> inv.patterns().monthly(IncidentFilter.ALL, Optional.empty()).months().size());
            time("stats --by admin1", () -> inv.patterns().count(IncidentFilter.ALL, StatsDimension.ADMIN1).rows().size());
            time("stats --by target-type --status verified",
                    () -> inv.patterns().count(verified, StatsDimension.TARGET_TYPE).rows().size());
            time("stats --by admin1 --from 2024-07-01 --to 2024-07-31",
                    () -> inv.patterns().count(july, StatsDimension.ADMIN1).rows().size());
            IncidentFilter midMonth = IncidentFilter.ALL.withFrom(Optional.of(Instant.parse("2024-07-15T00:00:00Z")))
                    .withUntil(Optional.of(Instant.parse("2024-08-15T00:00:00Z")));
            time("scan path: --by admin1 --from 2024-07-15 --to 2024-08-14",
                    () -> inv.patterns().count(midMonth, StatsDimension.ADMIN1).rows().size());
            IncidentFilter fpv = IncidentFilter.ALL.withTags(Set.of("fpv"));
            time("tag summary: --by month --tag fpv", () -> inv.patterns()
                    .count(fpv, StatsDimension.MONTH).rows().size());
            time("tag summary: months stacked by status --tag FPV", () -> inv.patterns()
                    .monthly(IncidentFilter.ALL.withTags(Set.of("FPV")), Optional.of(StatsDimension.STATUS)).months().size());
            time("tag rows + summary: --by month --tag fpv --from 2023-01-15", () -> inv.patterns()
                    .count(fpv.withFrom(Optional.of(Instant.parse("2023-01-15T00:00:00Z"))), StatsDimension.MONTH)
                    .rows().size());
            time("tag rows: --by admin1 --tag fpv --from 2024-07-15 --to 2024-08-14",
                    () -> inv.patterns().count(midMonth.withTags(Set.of("fpv")), StatsDimension.ADMIN1).rows().size());
            time("tag sets: --by month --tag fpv --tag дснс (any of)", () -> inv.patterns()
                    .count(IncidentFilter.ALL.withTags(Set.of("fpv", "дснс")), StatsDimension.MONTH).rows().size());
            time("tag rows, distinct: --by month --tag fpv --tag дснс, mid-July on", () -> inv.patterns()
                    .count(midMonth.withTags(Set.of("fpv", "ДСНС")), StatsDimension.MONTH).rows().size());
            time("tag rows + sets: --by admin1 --tag fpv --tag дснс --from 2023-01-15", () -> inv.patterns()
                    .count(IncidentFilter.ALL.withTags(Set.of("fpv", "дснс"))
                            .withFrom(Optional.of(Instant.parse("2023-01-15T00:00:00Z"))), StatsDimension.ADMIN1)
                    .rows().size());
            time("dashboard months stacked by status",
                    () -> inv.patterns().monthly(IncidentFilter.ALL, Optional.of(StatsDimension.STATUS)).months().size());
            time("double-taps (SQL load + search)", () -> inv.patterns().doubleTaps(IncidentFilter.ALL,
                    DoubleTapParameters.DEFAULT, ProgressMonitor.NONE).pairs().size());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void time(String label, Supplier<Integer> work) {
        work.get();
        long[] runs = new long[5];
        long[] cpu = new long[5];
        int result = 0;
        for (int r = 0; r < runs.length; r++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = work.get();
            runs[r] = System.nanoTime() - t0;
            cpu[r] = CPU.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(runs);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "  %-62s %8s  (CPU %s, %d rows)%n", label, ms(runs[2]), ms(cpu[2]), result);
    }

    /** Strikes at a constant rate over eastern Europe; a fifth of them follow an earlier one within 400 m and 2 h. */
    static List<StrikePoint> strikes(Random random, int n) {
        List<StrikePoint> points = new ArrayList<>(n);
        long span = (long) (n / RATE);
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(5) == 0) {
                StrikePoint base = points.get(random.nextInt(i));
                double dLat = random.nextGaussian() * 0.002;
                double dLon = random.nextGaussian() * 0.003;
                points.add(new StrikePoint("inc-" + i, new LatLon(clamp(base.position().lat() + dLat, 90),
                        clamp(base.position().lon() + dLon, 180)), base.epochSecond() + random.nextInt(3 * 3600)));
            } else {
                points.add(new StrikePoint("inc-" + i, new LatLon(44 + random.nextDouble() * 8,
                        22 + random.nextDouble() * 18), START.getEpochSecond() + (long) (random.nextDouble() * span)));
            }
        }
        return points;
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }

    /** Rows straight into the incident table: the custody log and search index do not matter to counting. */
    private static void fill(Path database, int n) throws Exception {
        String[] regions = {"Kherson Oblast", "Kharkiv Oblast", "Dnipropetrovsk Oblast", "Zaporizhzhia Oblast",
            "Donetsk Oblast", "Sumy Oblast", "Odesa Oblast", "Mykolaiv Oblast", ""};
        String[] targets = {"fire_engine", "ambulance", "rescue_vehicle", "emergency_personnel", "medical_facility"};
        String[] strikes = {"fpv_drone", "dropped_munition", "artillery", "missile", "aerial_bomb", "mlrs", "unknown"};
        String[] statuses = {"unverified", "in_progress", "geolocated", "corroborated", "verified", "rejected"};
        Random random = new Random(4);
        long span = 3L * 365 * 86_400;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            TestInvestigations.registerFunctions(c);
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO incident (id, title, occurred_at, time_precision,"
                    + " admin1, lat, lon, target_type, strike_type, strike_sequence, status, tags, sensitivity, created_at,"
                    + " updated_at) VALUES (?, 'Strike', ?, 'minute', ?, ?, ?, ?, ?, 'unknown', ?, ?, 'public', ?, ?)")) {
                String now = Instant.now().toString();
                for (int i = 0; i < n; i++) {
                    boolean noTime = random.nextInt(50) == 0;
                    st.setString(1, Ids.next("inc"));
                    st.setString(2, noTime ? null : DateTimeFormatter.ISO_INSTANT.format(
                            START.plusSeconds(random.nextLong(span) / 60 * 60)));
                    st.setString(3, regions[random.nextInt(regions.length)]);
                    st.setDouble(4, 44 + random.nextDouble() * 8);
                    st.setDouble(5, 22 + random.nextDouble() * 18);
                    st.setString(6, targets[random.nextInt(targets.length)]);
                    st.setString(7, strikes[random.nextInt(strikes.length)]);
                    st.setString(8, statuses[random.nextInt(statuses.length)]);
                    st.setString(9, random.nextInt(4) == 0 ? "[\"fpv\",\"дснс\"]" : "[]");
                    st.setString(10, now);
                    st.setString(11, now);
                    st.addBatch();
                    if (i % 10_000 == 9_999) {
                        st.executeBatch();
                    }
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }
}
