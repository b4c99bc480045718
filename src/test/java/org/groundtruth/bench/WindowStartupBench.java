package org.groundtruth.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The window's start on an existing investigation: seconds from launch until the window is laid out on screen and
 * until the map shows the basemap in all of its view, as the start-up probe reports them
 * ({@code -Dgroundtruth.startupProbe=exit}, {@link org.groundtruth.ui.common.StartupProbe}), beside two floors in the
 * same run: the JVM "hello" (a class that prints and exits) and a JavaFX "hello stage" (one label in a stage, the
 * same JavaFX from the same jar). Rows: the plain jar, the jar with its AppCDS archive ({@code target/groundtruth.jsa}),
 * and the installer's app image launcher when {@code target/installer/Groundtruth} was built. Median of N runs each,
 * with the median CPU time of the process (user+system, from {@code /usr/bin/time}) and the load average, since the
 * machine may be shared. Needs a display: run it under Xvfb. Build the jar first ({@code mvn -q -DskipTests package}).
 * <pre>xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java \
 *     -Dexec.mainClass=org.groundtruth.bench.WindowStartupBench -Dexec.args=5</pre>
 */
public final class WindowStartupBench {
    private static final String PROBE = "groundtruth-startup ";
    private static final long TIMEOUT_SECONDS = 180;

    private WindowStartupBench() {
    }

    record Run(double window, double map, Optional<Double> cpu) {
    }

    /** What a row waits for: the process to exit, the window line, or the window and the map lines. */
    enum Until { EXIT, WINDOW, MAP }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            System.err.println("WindowStartupBench: no DISPLAY; run it under xvfb-run");
            System.exit(2);
        }
        Path jar = Path.of("target/groundtruth.jar");
        if (!Files.isRegularFile(jar)) {
            System.err.println("WindowStartupBench: " + jar + " not found; build it with mvn -q -DskipTests package");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createTempDirectory("gt-window-bench");
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString());
        Path ws = investigation(java, home, env);
        Path floors = floors(home);

        List<String> probe = List.of("-Dgroundtruth.startupProbe=exit");
        List<String> cds = List.of("-XX:SharedArchiveFile=target/groundtruth.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        System.out.printf("load average at start: %s%n", load());
        System.out.printf("%-46s %9s %9s %9s%n", "median of " + runs + " (seconds)", "window", "map", "cpu");
        row("JVM floor: java Hello (exits)", List.of(java, "-cp", floors.toString(), "Hello"), Map.of(), runs, Until.EXIT);
        row("JavaFX floor: hello stage shown", List.of(java, "-cp", floors + File.pathSeparator + jar, "HelloStage"),
                Map.of(), runs, Until.WINDOW);
        row("groundtruth window (plain jar)", concat(List.of(java), probe, List.of("-jar", jar.toString(), "--workspace",
                ws.toString())), env, runs, Until.MAP);
        if (Files.isRegularFile(Path.of("target/groundtruth.jsa"))) {
            row("groundtruth window (AppCDS)", concat(List.of(java), probe, cds, List.of("-jar", jar.toString(),
                    "--workspace", ws.toString())), env, runs, Until.MAP);
        }
        Path launcher = Path.of("target/installer/Groundtruth/bin/Groundtruth");
        if (Files.isExecutable(launcher)) {
            // The jpackage launcher takes extra JVM options from JDK_JAVA_OPTIONS.
            Map<String, String> withProbe = new java.util.HashMap<>(env);
            withProbe.put("JDK_JAVA_OPTIONS", String.join(" ", probe));
            row("groundtruth window (installer app image)", List.of(launcher.toString(), "--workspace", ws.toString()),
                    withProbe, runs, Until.MAP);
        } else {
            System.out.println("(installer app image not built: mvn -B -Pinstaller -DskipTests package; its launcher"
                    + " runs the jar with the AppCDS options of the row above)");
        }
        System.out.printf("load average at end: %s%n", load());
    }

    /** An investigation with a few photos and a video, and settings that skip the first-run welcome. */
    private static Path investigation(String java, Path home, Map<String, String> env) throws Exception {
        Path config = Files.createDirectories(home.resolve("config").resolve("groundtruth"));
        Files.writeString(config.resolve("settings.properties"), "welcomed=true\n");
        Files.createDirectories(home.resolve("data"));
        Path ws = home.resolve("ws");
        List<String> files = new ArrayList<>();
        try (Stream<Path> photos = Files.list(Path.of("../shared/data/media/jpg"))) {
            photos.sorted().limit(6).forEach(p -> files.add(p.toString()));
        }
        files.add(Path.of("../shared/data/media/video/with-gps.mp4").toString());
        run(List.of(java, "-jar", "target/groundtruth.jar", "--workspace", ws.toString(), "init"), env);
        run(concat(List.of(java, "-jar", "target/groundtruth.jar", "--workspace", ws.toString(), "import"), files), env);
        return ws;
    }

    /** Hello (prints, exits) and HelloStage (a stage with one label; prints once laid out on screen, exits). */
    private static Path floors(Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("floors"));
        Files.writeString(dir.resolve("Hello.java"),
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Files.writeString(dir.resolve("HelloStage.java"), String.join("\n",
                "public class HelloStage {",
                "  public static void main(String[] a) { javafx.application.Application.launch(App.class, a); }",
                "  public static class App extends javafx.application.Application {",
                "  @Override public void start(javafx.stage.Stage stage) {",
                "    javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.control.Label(\"hello\"), 400, 300);",
                "    Runnable[] once = new Runnable[1];",
                "    once[0] = () -> { if (stage.isShowing()) { scene.removePostLayoutPulseListener(once[0]);",
                "      System.out.println(\"" + PROBE + "window 0\");",
                "      System.out.flush(); new Thread(() -> System.exit(0)).start(); } };",
                "    scene.addPostLayoutPulseListener(once[0]);",
                "    stage.setScene(scene); stage.show(); } } }"));
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        run(List.of(javac, "-cp", "target/groundtruth.jar", "-d", dir.toString(), dir.resolve("Hello.java").toString(),
                dir.resolve("HelloStage.java").toString()), Map.of());
        return dir;
    }

    private static void row(String name, List<String> command, Map<String, String> env, int runs, Until until)
            throws Exception {
        once(command, env, until); // warm the file cache
        List<Double> windows = new ArrayList<>();
        List<Double> maps = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run r = once(command, env, until);
            windows.add(r.window());
            maps.add(r.map());
            r.cpu().ifPresent(cpus::add);
        }
        String cpu = cpus.isEmpty() ? "-" : String.format("%.2f", median(cpus));
        if (until == Until.MAP) {
            System.out.printf("%-46s %9.2f %9.2f %9s   (load %s)%n", name, median(windows), median(maps), cpu, load());
        } else {
            System.out.printf("%-46s %9.2f %9s %9s   (load %s)%n", name, median(windows), "", cpu, load());
        }
    }

    /** One launch: seconds from start to the probe's window and map lines (to exit for a plain command). */
    private static Run once(List<String> command, Map<String, String> env, Until until) throws Exception {
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> full = timed ? concat(List.of("/usr/bin/time", "-f", "cpu=%U+%S"), command) : command;
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.environment().putAll(env);
        Path err = Files.createTempFile("gt-window-bench", ".err");
        pb.redirectError(err.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        double windowAt = -1;
        double mapAt = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                double now = (System.nanoTime() - start) / 1e9;
                if (line.startsWith(PROBE + "window ")) {
                    windowAt = now;
                } else if (line.startsWith(PROBE + "map ")) {
                    mapAt = now;
                }
            }
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        double exited = (System.nanoTime() - start) / 1e9;
        String errors = Files.readString(err);
        Files.delete(err);
        if (until != Until.EXIT && (windowAt < 0 || until == Until.MAP && mapAt < 0)) {
            throw new IllegalStateException("no start-up probe lines from " + String.join(" ", command) + "\n" + errors);
        }
        if (until == Until.EXIT && p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + errors);
        }
        return new Run(until == Until.EXIT ? exited : windowAt, mapAt, cpu(errors));
    }

    static Optional<Double> cpu(String timeOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cpu=([0-9.]+)\\+([0-9.]+)").matcher(timeOutput);
        Optional<Double> found = Optional.empty();
        while (m.find()) {
            found = Optional.of(Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)));
        }
        return found;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
