package org.groundtruth.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where investigations and settings live by default: the OS data and config directories (XDG on Linux,
 * Application Support on macOS, %APPDATA% on Windows). The system properties {@code groundtruth.data.dir} and
 * {@code groundtruth.config.dir} override them (tests, portable installs).
 */
public final class WorkspaceLocator {
    private static final String APP = "groundtruth";

    private WorkspaceLocator() {
    }

    /** The investigation used when no {@code --workspace} is given. */
    public static Path defaultWorkspace() {
        return dataDirectory().resolve("investigation");
    }

    /** The demo investigation, created and filled on first use. */
    public static Path demoWorkspace() {
        return dataDirectory().resolve("demo");
    }

    public static Path dataDirectory() {
        return override("groundtruth.data.dir").orElseGet(() -> osDirectory(false));
    }

    public static Path configDirectory() {
        return override("groundtruth.config.dir").orElseGet(() -> osDirectory(true));
    }

    private static Optional<Path> override(String property) {
        return Optional.ofNullable(System.getProperty(property)).filter(s -> !s.isBlank()).map(Path::of);
    }

    private static Path osDirectory(boolean config) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv(config ? "APPDATA" : "LOCALAPPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("Groundtruth");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve(config ? "Preferences" : "Application Support").resolve("Groundtruth");
        }
        String xdg = System.getenv(config ? "XDG_CONFIG_HOME" : "XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank()
                ? (config ? home.resolve(".config") : home.resolve(".local").resolve("share")) : Path.of(xdg);
        return base.resolve(APP);
    }
}
