package org.groundtruth.ui.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * The layout of each investigation the analyst has opened, kept per user in the config folder
 * ({@code window-layout.properties}, keyed by a hash of the investigation's path), and the main window's bounds. Read once at start (off the
 * FX thread), written to a temporary file and renamed.
 */
public final class WindowLayouts {
    static final String FILE = "window-layout.properties";
    private final Path file;
    private final Properties stored;

    private WindowLayouts(Path file, Properties stored) {
        this.file = file;
        this.stored = stored;
    }

    /** The layouts in {@code configDirectory}; none when the file is missing or unreadable. */
    public static WindowLayouts load(Path configDirectory) {
        Path file = configDirectory.resolve(FILE);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear(); // a damaged file only costs the remembered layout
            }
        }
        return new WindowLayouts(file, p);
    }

    public synchronized Optional<WindowLayout> forInvestigation(Path directory) {
        return WindowLayout.read(stored, key(directory));
    }

    public synchronized void remember(Path directory, WindowLayout layout) {
        String prefix = key(directory);
        stored.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(stored::remove);
        layout.write(stored, prefix);
        stored.setProperty(prefix + "path", directory.toAbsolutePath().normalize().toString());
    }

    /** Where the main window was, its size and whether it was maximized, as last kept. */
    public synchronized Optional<WindowBounds> window() {
        return WindowBounds.read(stored);
    }

    public synchronized void rememberWindow(WindowBounds bounds) {
        bounds.write(stored);
    }

    /** Writes every remembered layout (call off the FX thread). */
    public void save() {
        Properties copy = new Properties();
        synchronized (this) {
            copy.putAll(stored);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                copy.store(out, "Groundtruth window layout per investigation");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save window layout to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(Path directory) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(directory.toAbsolutePath().normalize()
                    .toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + ".";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
