package org.groundtruth.map.offline;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's maps folder, where added offline maps live: {@code $XDG_DATA_HOME/groundtruth/maps} (Linux),
 * {@code ~/Library/Application Support/Groundtruth/maps} (macOS), {@code %LOCALAPPDATA%\Groundtruth\maps} (Windows).
 * {@code groundtruth.user.maps.dir} overrides it; under {@code groundtruth.data.dir} (tests, portable installs) it is
 * that folder's {@code maps/}.
 */
public final class UserMapsFolder {
    public static final String PROPERTY = "groundtruth.user.maps.dir";

    private UserMapsFolder() {
    }

    public static Path locate() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String data = System.getProperty("groundtruth.data.dir");
        if (data != null && !data.isBlank()) {
            return Path.of(data).resolve("maps");
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve("Groundtruth").resolve("maps");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Groundtruth").resolve("maps");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("groundtruth").resolve("maps");
    }
}
