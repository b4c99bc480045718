package org.groundtruth.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.groundtruth.core.Require;

/**
 * Per-user settings, in {@code settings.properties} in the config directory: the analyst's name (recorded as
 * the actor in the custody log) and the last investigation opened. Saved to a temp file and renamed.
 */
public record Settings(String analystName, Optional<Path> lastWorkspace) {
    private static final String FILE = "settings.properties";

    public Settings {
        analystName = Require.text(analystName, "analyst name", 200).strip();
        Require.present(lastWorkspace, "last workspace");
    }

    /** The analyst recorded in the custody log: the configured name, or the operating-system user. */
    public String effectiveAnalyst() {
        return analystName.isEmpty() ? System.getProperty("user.name", "analyst") : analystName;
    }

    public Settings withAnalystName(String name) {
        return new Settings(name, lastWorkspace);
    }

    public Settings withLastWorkspace(Path workspace) {
        return new Settings(analystName, Optional.of(workspace.toAbsolutePath()));
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
                org.slf4j.LoggerFactory.getLogger(Settings.class).warn("ignoring unreadable settings {}: {}", file,
                        e.getMessage());
            }
        }
        return new Settings(p.getProperty("analyst.name", ""),
                Optional.ofNullable(p.getProperty("workspace.last")).filter(s -> !s.isBlank()).map(Path::of));
    }

    public void save() {
        save(WorkspaceLocator.configDirectory());
    }

    void save(Path dir) {
        Properties p = new Properties();
        p.setProperty("analyst.name", analystName);
        lastWorkspace.ifPresent(w -> p.setProperty("workspace.last", w.toString()));
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
}
