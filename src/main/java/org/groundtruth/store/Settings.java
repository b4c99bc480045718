package org.groundtruth.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.groundtruth.core.Require;
import org.slf4j.LoggerFactory;

/**
 * Per-user settings, in {@code settings.properties} in the config directory (saved to a temp file and renamed):
 * who the analyst is (recorded in the custody log), which investigation to open, the window's language, theme,
 * coordinate format and units, and the online tile sources with their cache size and the offline-only switch
 * that blocks every network request.
 */
public record Settings(String analystName, Optional<Path> lastWorkspace, Optional<Path> defaultWorkspace,
        Optional<String> language, Theme theme, CoordinateDisplay coordinates, Units units, List<String> tileSources,
        int tileCacheMegabytes, boolean offlineOnly, boolean welcomed) {

    /** Languages the window speaks. */
    public static final List<String> LANGUAGES = List.of("en", "uk");
    private static final String FILE = "settings.properties";
    private static final String FOV_PREFIX = "camera.fov.";

    public enum Theme { LIGHT, DARK }

    public enum CoordinateDisplay { DECIMAL, DMS, MGRS }

    public enum Units { METRIC, IMPERIAL }

    public Settings {
        analystName = Require.text(analystName, "analyst name", 200).strip();
        Require.present(lastWorkspace, "last workspace");
        Require.present(defaultWorkspace, "default workspace");
        language = Require.present(language, "language").filter(LANGUAGES::contains);
        Require.present(theme, "theme");
        Require.present(coordinates, "coordinate format");
        Require.present(units, "units");
        tileSources = Require.present(tileSources, "tile sources").stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        for (String url : tileSources) {
            // The same forms map.imagery.TileUrlTemplate accepts: XYZ, TMS ({-y}) or a Bing quadkey ({q}).
            boolean tile = url.contains("{q}")
                    || url.contains("{z}") && url.contains("{x}") && (url.contains("{y}") || url.contains("{-y}"));
            if (!url.matches("(?i)https?://\\S+") || !tile) {
                throw new IllegalArgumentException("tile source '" + url
                        + "' is not an http(s) URL template with {z}, {x} and {y} (or {-y}, or {q})");
            }
        }
        if (tileCacheMegabytes < 16 || tileCacheMegabytes > 1_000_000) {
            throw new IllegalArgumentException("tile cache must be 16 MB to 1 TB, was " + tileCacheMegabytes + " MB");
        }
    }

    /** Defaults apart from the analyst and the last investigation. */
    public Settings(String analystName, Optional<Path> lastWorkspace) {
        this(analystName, lastWorkspace, Optional.empty(), Optional.empty(), Theme.LIGHT, CoordinateDisplay.DECIMAL,
                Units.METRIC, List.of(), 512, false, false);
    }

    /** The analyst recorded in the custody log: the configured name, or the operating-system user. */
    public String effectiveAnalyst() {
        return analystName.isEmpty() ? System.getProperty("user.name", "analyst") : analystName;
    }

    /** The investigation commands use without {@code --workspace}. */
    public Path effectiveDefaultWorkspace() {
        return defaultWorkspace.orElseGet(WorkspaceLocator::defaultWorkspace);
    }

    /** The window's locale: the chosen language, else the system's. */
    public Locale locale() {
        return language.map(Locale::forLanguageTag).orElse(Locale.getDefault());
    }

    public Settings withAnalystName(String name) {
        return new Settings(name, lastWorkspace, defaultWorkspace, language, theme, coordinates, units, tileSources,
                tileCacheMegabytes, offlineOnly, welcomed);
    }

    public Settings withLastWorkspace(Path workspace) {
        return new Settings(analystName, Optional.of(workspace.toAbsolutePath()), defaultWorkspace, language, theme,
                coordinates, units, tileSources, tileCacheMegabytes, offlineOnly, welcomed);
    }

    public Settings withWelcomed() {
        return new Settings(analystName, lastWorkspace, defaultWorkspace, language, theme, coordinates, units,
                tileSources, tileCacheMegabytes, offlineOnly, true);
    }

    public static Settings load() {
        return load(WorkspaceLocator.configDirectory());
    }

    static Settings load(Path dir) {
        Properties p = new Properties();
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LoggerFactory.getLogger(Settings.class).warn("ignoring unreadable settings {}: {}", file, e.getMessage());
            }
        }
        try {
            return new Settings(p.getProperty("analyst.name", ""), path(p, "workspace.last"),
                    path(p, "workspace.default"), Optional.ofNullable(p.getProperty("language")).filter(s -> !s.isBlank()),
                    choice(Theme.class, p.getProperty("theme"), Theme.LIGHT),
                    choice(CoordinateDisplay.class, p.getProperty("coordinates"), CoordinateDisplay.DECIMAL),
                    choice(Units.class, p.getProperty("units"), Units.METRIC),
                    Arrays.stream(p.getProperty("tiles.sources", "").split("\n")).toList(),
                    Integer.parseInt(p.getProperty("tiles.cache.megabytes", "512")),
                    Boolean.parseBoolean(p.getProperty("network.offline", "false")),
                    Boolean.parseBoolean(p.getProperty("welcomed", "false")));
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Settings.class).warn("ignoring invalid settings {}: {}", file, e.getMessage());
            return new Settings(p.getProperty("analyst.name", "").strip(), Optional.empty());
        }
    }

    public void save() {
        save(WorkspaceLocator.configDirectory());
    }

    void save(Path dir) {
        Properties p = new Properties();
        p.setProperty("analyst.name", analystName);
        lastWorkspace.ifPresent(w -> p.setProperty("workspace.last", w.toString()));
        defaultWorkspace.ifPresent(w -> p.setProperty("workspace.default", w.toString()));
        language.ifPresent(l -> p.setProperty("language", l));
        p.setProperty("theme", theme.name().toLowerCase(Locale.ROOT));
        p.setProperty("coordinates", coordinates.name().toLowerCase(Locale.ROOT));
        p.setProperty("units", units.name().toLowerCase(Locale.ROOT));
        p.setProperty("tiles.sources", String.join("\n", tileSources));
        p.setProperty("tiles.cache.megabytes", String.valueOf(tileCacheMegabytes));
        p.setProperty("network.offline", String.valueOf(offlineOnly));
        p.setProperty("welcomed", String.valueOf(welcomed));
        fieldsOfView(dir).forEach((model, degrees) -> p.setProperty(FOV_PREFIX + model, String.valueOf(degrees)));
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Groundtruth settings");
            }
            Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot save settings in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The horizontal fields of view (degrees) analysts gave for camera models not in the table, by model (stripped,
     * lower case), kept in the same settings file under {@code camera.fov.<model>}; invalid entries are skipped.
     */
    public static java.util.Map<String, Double> fieldsOfView() {
        return fieldsOfView(WorkspaceLocator.configDirectory());
    }

    /** Remembers the field of view given for {@code model} across sessions (the rest of the file unchanged). */
    public static void rememberFieldOfView(String model, double degrees) {
        rememberFieldOfView(WorkspaceLocator.configDirectory(), model, degrees);
    }

    static java.util.Map<String, Double> fieldsOfView(Path dir) {
        java.util.Map<String, Double> found = new java.util.TreeMap<>();
        Properties p = properties(dir.resolve(FILE));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(FOV_PREFIX) && key.length() > FOV_PREFIX.length()) {
                try {
                    double d = Double.parseDouble(p.getProperty(key).strip());
                    if (d >= 0.1 && d <= 179) {
                        found.put(key.substring(FOV_PREFIX.length()), d);
                    }
                } catch (NumberFormatException e) {
                    LoggerFactory.getLogger(Settings.class).warn("ignoring field of view {}={}", key, p.getProperty(key));
                }
            }
        }
        return found;
    }

    static synchronized void rememberFieldOfView(Path dir, String model, double degrees) {
        String key = Require.nonBlank(model, "camera model", 200).strip().toLowerCase(Locale.ROOT);
        Require.finiteInRange(degrees, 0.1, 179, "field of view");
        Path file = dir.resolve(FILE);
        Properties p = properties(file);
        p.setProperty(FOV_PREFIX + key, String.valueOf(degrees));
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Groundtruth settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot save settings in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LoggerFactory.getLogger(Settings.class).warn("ignoring unreadable settings {}: {}", file, e.getMessage());
            }
        }
        return p;
    }

    private static Optional<Path> path(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).filter(s -> !s.isBlank()).map(Path::of);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }
}
