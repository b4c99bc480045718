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
        Investigation inv = Investigation.open(directory(root), new ContentInspector(), GazetteerPlaceLookup.shipped());
        try {
            org.groundtruth.store.team.TeamIdentity.install(inv, analyst(root), org.groundtruth.store.team.KeyRing.user());
        } catch (RuntimeException e) {
            inv.close();
            throw e;
        }
        return inv;
    }

    static String analyst(GroundtruthCommand root) {
        return root.analyst().orElseGet(() -> Settings.load().effectiveAnalyst());
    }
}
