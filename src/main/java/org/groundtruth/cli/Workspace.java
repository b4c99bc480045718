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

    static Investigation open(GroundtruthCommand root) {
        return Investigation.open(directory(root), new ContentInspector(), GazetteerPlaceLookup.shipped());
    }

    static String analyst(GroundtruthCommand root) {
        return root.analyst().orElseGet(() -> Settings.load().effectiveAnalyst());
    }
}
