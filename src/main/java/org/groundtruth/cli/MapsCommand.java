package org.groundtruth.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.offline.OfflineMap;
import org.groundtruth.map.offline.OfflineMapLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code groundtruth maps add FILE | list [--json] | remove NAME}: the offline street maps in the user's maps folder. */
@Command(name = "maps", description = "Offline OpenStreetMap maps (.map, .osm.pbf) in the user's maps folder.",
        subcommands = {MapsCommand.Add.class, MapsCommand.ListMaps.class, MapsCommand.Remove.class, MapsCommand.Index.class})
final class MapsCommand {

    record MapJson(String name, String format, String file, double west, double south, double east, double north,
            int minZoom, int maxZoom, String date, long sizeBytes) {
        static MapJson of(OfflineMap m) {
            return new MapJson(m.name(), m.format().key, m.file().toString(), m.bounds().west(), m.bounds().south(),
                    m.bounds().east(), m.bounds().north(), m.minZoom(), m.maxZoom(), m.dataDate().toString(), m.sizeBytes());
        }
    }

    private static String describe(OfflineMap m) {
        return String.format(Locale.ROOT, "%-24s %-9s %8.4f,%8.4f – %8.4f,%8.4f  zoom %d–%d  data %s  %,d bytes", m.name(),
                m.format().key, m.bounds().south(), m.bounds().west(), m.bounds().north(), m.bounds().east(), m.minZoom(),
                m.maxZoom(), m.dataDate().toString().substring(0, 10), m.sizeBytes());
    }

    @Command(name = "add", description = "Copy a mapsforge .map (and index its streets, buildings and house numbers for"
            + " search), or import an .osm.pbf extract (streets, buildings, addresses for search), into the maps folder.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "FILE") java.nio.file.Path file;
        @Option(names = "--json", description = "Print the added map as JSON.") boolean json;

        @Override
        public Integer call() throws IOException {
            OfflineMap map = OfflineMapLibrary.user().add(file, ProgressMonitor.NONE);
            if (json) {
                Output.json(spec, MapJson.of(map));
            } else {
                Output.line(spec, "added " + describe(map));
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "The added maps with bounds, zoom range and data date.")
    static final class ListMaps implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print a JSON array.") boolean json;

        @Override
        public Integer call() {
            OfflineMapLibrary library = OfflineMapLibrary.user();
            List<OfflineMap> maps = library.list();
            if (json) {
                Output.json(spec, maps.stream().map(MapJson::of).toList());
            } else if (maps.isEmpty()) {
                Output.line(spec, "no offline maps in " + library.folder() + " (add one with: groundtruth maps add FILE)");
            } else {
                maps.forEach(m -> Output.line(spec, describe(m)));
            }
            return Cli.OK;
        }
    }

    @Command(name = "remove", description = "Remove an added map by NAME (see maps list).")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws IOException {
            OfflineMap removed = OfflineMapLibrary.user().remove(name);
            Output.line(spec, "removed " + removed.name());
            return Cli.OK;
        }
    }

    @Command(name = "index", description = "(Re)build the street and address search index of an added .map NAME"
            + " (maps added by earlier versions have none).")
    static final class Index implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--json", description = "Print what was indexed as JSON.") boolean json;

        record IndexJson(String name, long tiles, long names, long addresses, long addressesWithoutStreet, double seconds) {
        }

        @Override
        public Integer call() throws IOException {
            OfflineMapLibrary library = OfflineMapLibrary.user();
            OfflineMap map = library.find(name).orElseThrow(() -> new org.groundtruth.core.BadInputException(
                    "no offline map named \"" + name + "\" (see maps list)"));
            var summary = library.buildSearchIndex(map, ProgressMonitor.NONE);
            if (json) {
                Output.json(spec, new IndexJson(map.name(), summary.tiles(), summary.names(), summary.addresses(),
                        summary.addressesWithoutStreet(), Math.round(summary.seconds() * 100) / 100.0));
            } else {
                Output.line(spec, String.format(Locale.ROOT, "indexed %s: %,d names (%,d house numbers; %,d without a street"
                        + " nearby) from %,d tiles in %.1f s", map.name(), summary.names(), summary.addresses(),
                        summary.addressesWithoutStreet(), summary.tiles(), summary.seconds()));
            }
            return Cli.OK;
        }
    }
}
