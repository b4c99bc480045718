package org.groundtruth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar target/groundtruth.jar --version} (with and without the AppCDS archive) beside the JVM floor,
 * a "hello" class, in one run; median of N runs each. Build the jar first ({@code mvn -q -DskipTests package}).
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.StartupBench -Dexec.args=9</pre>
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path hello = Files.createTempDirectory("gt-hello");
        Files.writeString(hello.resolve("Hello.java"), "public class Hello { public static void main(String[] a) "
                + "{ System.out.println(\"hello\"); } }");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", hello.toString(),
                hello.resolve("Hello.java").toString()));
        List<String> floor = List.of(java, "-cp", hello.toString(), "Hello");
        List<String> plain = List.of(java, "-jar", "target/groundtruth.jar", "--version");
        List<String> cds = List.of(java, "-XX:SharedArchiveFile=target/groundtruth.jsa", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", "target/groundtruth.jar", "--version");
        List<String> coords = List.of(java, "-XX:SharedArchiveFile=target/groundtruth.jsa", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", "target/groundtruth.jar", "coords", "50.45 30.52");
        System.out.printf("%-44s %10s%n", "command (median of " + runs + ")", "seconds");
        System.out.printf("%-44s %10.3f%n", "JVM floor: java Hello", median(floor, runs));
        System.out.printf("%-44s %10.3f%n", "groundtruth --version", median(plain, runs));
        System.out.printf("%-44s %10.3f%n", "groundtruth --version (AppCDS)", median(cds, runs));
        System.out.printf("%-44s %10.3f%n", "groundtruth coords (AppCDS)", median(coords, runs));
    }

    private static double median(List<String> command, int runs) throws Exception {
        List<Double> times = new ArrayList<>();
        run(command); // warm the file cache
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command);
            times.add((System.nanoTime() - start) / 1e9);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
