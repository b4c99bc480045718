package org.groundtruth.ui.telemetry;

import java.util.Map;
import org.groundtruth.store.Settings;

/**
 * Where the fields of view analysts give for camera models outside the table are kept between sessions, so each
 * model is asked for once, not once per session. Both calls do I/O: call them off the JavaFX thread.
 */
public interface FieldOfViewMemory {
    /** The remembered horizontal fields of view in degrees, by camera model (stripped, lower case). */
    Map<String, Double> load();

    /** Remembers {@code degrees} for {@code model} (stripped, lower case, not blank). */
    void remember(String model, double degrees);

    /** Kept in the user's settings file ({@link Settings#fieldsOfView()}). */
    static FieldOfViewMemory settings() {
        return new FieldOfViewMemory() {
            @Override
            public Map<String, Double> load() {
                return Settings.fieldsOfView();
            }

            @Override
            public void remember(String model, double degrees) {
                Settings.rememberFieldOfView(model, degrees);
            }
        };
    }
}
