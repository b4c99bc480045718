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
        return withIdentity(Investigation.openExisting(directory(root), new ContentInspector(),
                GazetteerPlaceLookup.shipped()), root);
    }

    /** For {@code init}: opens the investigation, creating it (and the folder) when there is none. */
    static Investigation create(GroundtruthCommand root) {
        return withIdentity(Investigation.open(directory(root), new ContentInspector(), GazetteerPlaceLookup.shipped()),
                root);
    }

    /** Custody entries this command appends are signed with the analyst's key (issue 17). */
    private static Investigation withIdentity(Investigation inv, GroundtruthCommand root) {
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
