package org.groundtruth.ui.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.store.Settings;
import org.groundtruth.ui.common.I18n;

/**
 * Edit → Settings as the dialog edits it: the per-user settings as text fields and choices, read back into the
 * store's {@link Settings} record (validated there) when the analyst confirms. Choices are the settings' enum names;
 * {@link #choiceKey} names their labels in the message bundles. The dialog binds to this and never sees the store.
 */
public final class SettingsViewModel {
    /** The message key prefixes of the three choice lists. */
    public static final String THEME = "settings.theme.";
    public static final String COORDINATES = "settings.coordinates.";
    public static final String UNITS = "settings.units.";

    private final Settings current;
    private final StringProperty analyst = new SimpleStringProperty();
    private final StringProperty language = new SimpleStringProperty();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty coordinates = new SimpleStringProperty();
    private final StringProperty units = new SimpleStringProperty();
    private final StringProperty defaultWorkspace = new SimpleStringProperty();
    private final StringProperty tileSources = new SimpleStringProperty();
    private final StringProperty cacheMegabytes = new SimpleStringProperty();
    private final BooleanProperty offline = new SimpleBooleanProperty();

    public SettingsViewModel(Settings current) {
        this.current = java.util.Objects.requireNonNull(current, "current");
        analyst.set(current.analystName());
        language.set(current.language().orElse(""));
        theme.set(current.theme().name());
        coordinates.set(current.coordinates().name());
        units.set(current.units().name());
        defaultWorkspace.set(current.defaultWorkspace().map(Path::toString).orElse(""));
        tileSources.set(String.join("\n", current.tileSources()));
        cacheMegabytes.set(String.valueOf(current.tileCacheMegabytes()));
        offline.set(current.offlineOnly());
    }

    /** The languages offered: "" for the system's, then the translated ones. */
    public List<String> languages() {
        return List.of("", "en", "uk");
    }

    public List<String> themes() {
        return names(Settings.Theme.values());
    }

    public List<String> coordinateForms() {
        return names(Settings.CoordinateDisplay.values());
    }

    public List<String> unitSystems() {
        return names(Settings.Units.values());
    }

    /** The message key labelling a choice of one of the lists ({@link #THEME}, {@link #COORDINATES}, {@link #UNITS}). */
    public static String choiceKey(String prefix, String name) {
        return prefix + name.toLowerCase(Locale.ROOT);
    }

    /** The name used when the analyst's own is empty. */
    public String analystPrompt() {
        return current.effectiveAnalyst();
    }

    /** The folder used when no default workspace is set. */
    public String defaultWorkspacePrompt() {
        return current.effectiveDefaultWorkspace().toString();
    }

    public StringProperty analystProperty() {
        return analyst;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public StringProperty coordinatesProperty() {
        return coordinates;
    }

    public StringProperty unitsProperty() {
        return units;
    }

    public StringProperty defaultWorkspaceProperty() {
        return defaultWorkspace;
    }

    public StringProperty tileSourcesProperty() {
        return tileSources;
    }

    public StringProperty cacheMegabytesProperty() {
        return cacheMegabytes;
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    /**
     * The settings as edited, keeping what the dialog does not show (last workspace, welcomed).
     *
     * @throws IllegalArgumentException naming the field when a value is not valid
     */
    public Settings read() {
        int cache;
        String cacheText = Optional.ofNullable(cacheMegabytes.get()).orElse("");
        try {
            cache = Integer.parseInt(cacheText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.t("settings.error.cache", cacheText));
        }
        String dir = Optional.ofNullable(defaultWorkspace.get()).orElse("").strip();
        List<String> sources = Arrays.stream(Optional.ofNullable(tileSources.get()).orElse("").split("\\R")).toList();
        return new Settings(Optional.ofNullable(analyst.get()).orElse(""), current.lastWorkspace(),
                dir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dir)),
                Optional.ofNullable(language.get()).filter(s -> !s.isEmpty()),
                Settings.Theme.valueOf(theme.get()), Settings.CoordinateDisplay.valueOf(coordinates.get()),
                Settings.Units.valueOf(units.get()), sources, cache, offline.get(), current.welcomed());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
