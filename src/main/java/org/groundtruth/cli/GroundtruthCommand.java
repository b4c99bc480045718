package org.groundtruth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code groundtruth [--workspace DIR] [--analyst NAME] COMMAND}: the root of the command line. */
@Command(name = "groundtruth", mixinStandardHelpOptions = true, versionProvider = GroundtruthCommand.VersionInfo.class,
        description = "OSINT geolocation and verification workbench. Without a command, opens the window.")
public final class GroundtruthCommand {
    /**
     * Every subcommand. Not in the annotation: picocli would build the model of all of them on every start
     * ({@code --version} took 0.6 s); {@link Cli#commandLine(String...)} adds only the one that is asked for.
     * In a holder class, so that a start which needs none of them does not even load them.
     */
    static final class Subcommands {
        private Subcommands() {
        }

        static final List<Class<?>> ALL = List.of(
            InitCommand.class,
            ImportCommand.class,
            IncidentCommand.class,
            AuditCommand.class,
            DemoCommand.class,
            StatsCommand.class, DoubleTapsCommand.class,
            PinCommand.class, InsigniaCommand.class, LinkCommand.class, StatusCommand.class, ReviewCommand.class,
            SunCommand.class, ChronolocationCommand.class, HistoryCommand.class, SourceCommand.class,
            MetadataCommand.class, FrameCommand.class, KeyframesCommand.class, DuplicatesCommand.class,
            ExportCommand.class, VerifyCommand.class, ImportFeaturesCommand.class, ImportCaseCommand.class,
            CoordsCommand.class, PlacesCommand.class,
            SignersCommand.class,
            MapsCommand.class, MapRenderCommand.class,
            TelemetryCommand.class, FootprintCommand.class, ChecksCommand.class,
            GeolocateCommand.class,
            KeysCommand.class, TeamCommand.class, SyncCommand.class,
            CommandLine.HelpCommand.class);
    }

    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Investigation folder (default: the investigation in the OS data directory).")
    Path workspace;

    @Option(names = "--analyst", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Analyst recorded in the custody log (default: the name in settings, else the OS user).")
    String analyst;

    Optional<Path> workspace() {
        return Optional.ofNullable(workspace);
    }

    Optional<String> analyst() {
        return Optional.ofNullable(analyst).filter(a -> !a.isBlank());
    }

    static final class VersionInfo implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.groundtruth.core.Version.banner()};
        }
    }
}
