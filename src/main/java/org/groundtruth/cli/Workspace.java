package org.groundtruth.cli;

import java.nio.file.Path;
import org.groundtruth.map.gazetteer.GazetteerPlaceLookup;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import picocli.CommandLine.Model.CommandSpec;

/** The investigation and the analyst a command works with, from the root options and the settings. */
final class Workspace {
    private Workspace() {
    }

    static GroundtruthCommand root(CommandSpec spec) {
        return (GroundtruthCommand) spec.root().userObject();
    }

    static Path directory(GroundtruthCommand root) {
        return root.workspace().orElseGet(() -> Settings.load().effectiveDefaultWorkspace()).toAbsolutePath().normalize();
    }

    /**
     * The investigation the command works on; a folder without one is refused ("no investigation at DIR; run init",
     * exit 2) and nothing is created. A folder that cannot be written opens read-only.
     */
    static Investigation open(GroundtruthCommand root) {
        return Investigation.openExisting(directory(root), new ContentInspector(), GazetteerPlaceLookup.shipped());
    }

    /** For {@code init}: opens the investigation, creating it (and the folder) when there is none. */
    static Investigation create(GroundtruthCommand root) {
        return Investigation.open(directory(root), new ContentInspector(), GazetteerPlaceLookup.shipped());
    }

    static String analyst(GroundtruthCommand root) {
        return root.analyst().orElseGet(() -> Settings.load().effectiveAnalyst());
    }
}
