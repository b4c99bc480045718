package org.groundtruth.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code groundtruth metadata DIR --json} over 500 photos in one process (JVM start included) against
 * {@code exiftool -json DIR} over the same files, in one run, plus one file per process for a few files (what
 * scripts had to do before). The photos are hard links to the real JPEG/TIFF/WebP files in ../shared/data
 * (media/ and aerial/brighton-beach/images).
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.MetadataBatchBench</pre>
 * Needs {@code exiftool} on the PATH.
 */
public final class MetadataBatchBench {
    private static final int PHOTOS = 500;
    private static final int ROUNDS = 3;
    private static final ProcessBuilder.Redirect ERRORS = ProcessBuilder.Redirect.appendTo(
            Path.of(System.getProperty("java.io.tmpdir"), "gt-metadata-bench.err").toFile());

    private MetadataBatchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("gt-metadata-bench");
        Path dir = work.resolve("photos");
        Files.createDirectories(dir);
        List<Path> sources = new ArrayList<>();
        for (String sub : List.of("media/jpg", "media/tif", "media/webp", "aerial/brighton-beach/images")) {
            try (Stream<Path> files = Files.list(Path.of("..", "shared", "data").resolve(sub))) {
                files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).forEach(sources::add);
            }
        }
        for (int i = 0; i < PHOTOS; i++) {
            Path source = sources.get(i % sources.size());
            String name = String.format(Locale.ROOT, "%04d-%s", i, source.getFileName().toString().replace(' ', '_'));
            Files.createLink(dir.resolve(name), source.toRealPath());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> groundtruth = List.of(java, "-cp", classpath(), "org.groundtruth.Launcher", "metadata",
                dir.toString(), "--json");
        List<String> launcherOptions = cliLauncherOptions();
        List<String> launcher = new ArrayList<>(List.of(java));
        launcher.addAll(launcherOptions);
        launcher.addAll(groundtruth.subList(1, groundtruth.size()));
        List<String> exiftool = List.of("exiftool", "-json", dir.toString());
        double[] ours = new double[ROUNDS];
        double[] oursLauncher = new double[ROUNDS];
        double[] reference = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ours[r] = time(groundtruth);
            oursLauncher[r] = time(launcher);
            reference[r] = time(exiftool);
        }
        List<Path> few;
        try (Stream<Path> files = Files.list(dir)) {
            few = files.sorted().limit(10).toList();
        }
        double perFile = 0;
        for (Path f : few) {
            perFile += time(List.of(java, "-cp", classpath(), "org.groundtruth.Launcher", "metadata", f.toString(), "--json"));
        }
        double perFileFor500 = perFile / few.size() * PHOTOS;
        double bestOurs = min(ours);
        double bestReference = min(reference);
        System.out.printf(Locale.ROOT, "Metadata of %d photos (%d distinct files from ../shared/data, hard-linked), %d rounds, best of%n",
                PHOTOS, sources.size(), ROUNDS);
        System.out.printf(Locale.ROOT, "  %-52s %6.2f s  (rounds: %s)%n", "groundtruth metadata DIR --json (one process)",
                bestOurs, list(ours));
        System.out.printf(Locale.ROOT, "  %-52s %6.2f s  (rounds: %s)%n", "same, with the CLI launcher's " + String.join(" ",
                launcherOptions), min(oursLauncher), list(oursLauncher));
        System.out.printf(Locale.ROOT, "  %-52s %6.2f s  (rounds: %s)%n", "exiftool -json DIR", bestReference, list(reference));
        System.out.printf(Locale.ROOT, "  %-52s %6.2f s  (%.2f s per file over %d files)%n",
                "groundtruth metadata FILE, one process per file (est.)", perFileFor500, perFile / few.size(), few.size());
        System.out.printf(Locale.ROOT, "  speed-up of one call vs exiftool: %.2fx default JVM, %.2fx as the installed"
                + " `groundtruth` command runs it (goal >= 2x)%n", bestReference / bestOurs, bestReference / min(oursLauncher));
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The JVM options of the installed command-line launcher (packaging/linux/cli-launcher.properties). */
    private static List<String> cliLauncherOptions() throws IOException {
        for (String line : Files.readAllLines(Path.of("packaging", "linux", "cli-launcher.properties"))) {
            if (line.startsWith("java-options=")) {
                return List.of(line.substring("java-options=".length()).strip().split("\\s+"));
            }
        }
        return List.of();
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ERRORS)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (code != 0 && code != 2) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size()))) + " exited with " + code + " (stderr in " + ERRORS.file() + ")");
        }
        return seconds;
    }

    /** The classpath this bench runs with (exec:java's class loader, else java.class.path). */
    private static String classpath() {
        ClassLoader loader = MetadataBatchBench.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 1) {
            return Stream.of(urls.getURLs()).map(MetadataBatchBench::file).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String file(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            return url.getPath();
        }
    }

    private static double min(double[] values) {
        double m = Double.MAX_VALUE;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static String list(double[] values) {
        return Stream.of(values).flatMapToDouble(java.util.Arrays::stream)
                .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }
}
