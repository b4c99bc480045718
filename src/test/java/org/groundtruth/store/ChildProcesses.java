package org.groundtruth.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Groundtruth as separate OS processes on the test classpath, each with its own log and output file, as a
 * second terminal or a script would. {@link #dropWriteOverride()} runs them, when the tests run as root, without
 * the capability that lets root write where permissions forbid it (so a write-protected folder is one for them).
 */
final class ChildProcesses {
    private final Path tmp;
    private final List<String> prefix = new ArrayList<>();
    private int started;

    ChildProcesses(Path tmp) {
        this.tmp = tmp;
    }

    /** As root, runs children through {@code setpriv --bounding-set=-dac_override}; other users need nothing. */
    ChildProcesses dropWriteOverride() {
        if (isRoot()) {
            prefix.addAll(List.of("setpriv", "--bounding-set=-dac_override"));
        }
        return this;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** {@code groundtruth ARGS} in a new process. */
    Process launcher(String... args) throws IOException {
        return java("org.groundtruth.Launcher", args);
    }

    /** A main class of the test classpath in a new process. */
    Process java(String mainClass, String... args) throws IOException {
        int n = ++started;
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBin.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dgroundtruth.log.file=" + tmp.resolve("child-" + n + ".log"),
                "-Dgroundtruth.config.dir=" + tmp.resolve("cfg"), "-Dgroundtruth.data.dir=" + tmp.resolve("data"),
                // the program's own logging (to the file), not the test configuration's console output
                "-Dlogback.configurationFile=" + ChildProcesses.class.getResource("/logback.xml"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out(n).toFile()).redirectError(err(n).toFile()).start();
    }

    Path out(int n) {
        return tmp.resolve("child-" + n + ".out");
    }

    Path err(int n) {
        return tmp.resolve("child-" + n + ".err");
    }

    /** Waits for {@code p} (generously: the machine may be loaded) and returns its exit code. */
    static int exitCode(Process p) throws InterruptedException {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child process did not end in 10 minutes");
        }
        return p.exitValue();
    }

    /** What the {@code n}th started process printed on stdout and stderr. */
    String output(int n) throws IOException {
        return Files.readString(out(n)) + Files.readString(err(n));
    }

    int started() {
        return started;
    }
}
