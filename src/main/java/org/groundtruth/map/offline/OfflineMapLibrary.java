package org.groundtruth.map.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.OsmTileSource;
import org.groundtruth.map.osm.PbfImporter;
import org.groundtruth.map.search.PlaceSearch;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline maps the user added (File → Add offline map…, {@code maps add|list|remove}), kept in
 * {@link UserMapsFolder}. A {@code .map} is checked (header, size) and copied; an {@code .osm.pbf} is imported into a
 * street map ({@link PbfImporter}). Files are written under a temporary name and renamed, so a failed or cancelled add
 * leaves nothing. The window, {@code map render} and the report maps all open their layers from here.
 */
public final class OfflineMapLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineMapLibrary.class);
    private static final String MAP_EXTENSION = ".map";
    private static final byte[] MAPSFORGE_MAGIC = "mapsforge binary OSM".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;

    public OfflineMapLibrary(Path folder) {
        this.folder = folder;
    }

    public static OfflineMapLibrary user() {
        return new OfflineMapLibrary(UserMapsFolder.locate());
    }

    public Path folder() {
        return folder;
    }

    /** Every readable map in the folder, by name; an unreadable file is logged and left out. */
    public List<OfflineMap> list() {
        List<OfflineMap> maps = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return maps;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                try {
                    if (fileName.endsWith(MAP_EXTENSION)) {
                        maps.add(describeMapsforge(file, strip(fileName, MAP_EXTENSION)));
                    } else if (fileName.endsWith(OsmStore.EXTENSION)) {
                        maps.add(describeStore(file, strip(fileName, OsmStore.EXTENSION)));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Offline map {} left out: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new MapFileException(folder, "cannot list the maps folder: " + e.getMessage(), e);
        }
        maps.sort(Comparator.comparing(OfflineMap::name));
        return maps;
    }

    public Optional<OfflineMap> find(String name) {
        return list().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Adds a {@code .map} or {@code .osm.pbf} under its file name. Bad input (not found, corrupt, truncated, another
     * format, a name already added) throws {@link BadInputException} naming the file, and nothing is added.
     */
    public OfflineMap add(Path file, ProgressMonitor progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "not found");
        }
        Format format = sniff(file);
        String name = mapName(file);
        if (find(name).isPresent() || Files.exists(folder.resolve(name + MAP_EXTENSION))
                || Files.exists(folder.resolve(name + OsmStore.EXTENSION))) {
            throw new MapFileException(file, "a map named \"" + name + "\" is already added; remove it first (maps remove "
                    + name + ")");
        }
        Files.createDirectories(folder);
        if (format == Format.MAPSFORGE) {
            describeMapsforge(file, name); // throws on a corrupt or truncated file, before anything is copied
            Path target = folder.resolve(name + MAP_EXTENSION);
            Path temp = folder.resolve("." + name + MAP_EXTENSION + ".adding");
            // the name index first (most of the time), then the copy; the map appears only when both are complete
            Path index = MapsforgeNameIndexer.indexFor(target);
            boolean added = false;
            try {
                MapsforgeNameIndexer.index(file, index, PhaseProgress.of(progress, 0, INDEX_SHARE));
                copy(file, temp, PhaseProgress.of(progress, INDEX_SHARE, 1000 - INDEX_SHARE));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                added = true;
            } finally {
                Files.deleteIfExists(temp);
                if (!added) {
                    Files.deleteIfExists(index);
                }
            }
            return describeMapsforge(target, name);
        }
        Path target = folder.resolve(name + OsmStore.EXTENSION);
        PbfImporter.importFile(file, target, progress);
        return describeStore(target, name);
    }

    /** Removes a map by name. */
    public OfflineMap remove(String name) throws IOException {
        OfflineMap map = find(name).orElseThrow(() -> new BadInputException("no offline map named \"" + name
                + "\" (see maps list)"));
        Files.delete(map.file());
        if (map.format() == OfflineMap.Format.MAPSFORGE) {
            Files.deleteIfExists(MapsforgeNameIndexer.indexFor(map.file()));
        }
        return map;
    }

    /** The layer for one map; the caller closes it. */
    public TileSource open(OfflineMap map, MapStyle style, String language) {
        return switch (map.format()) {
            case MAPSFORGE -> new MapsforgeTileSource(map.file(), map.name(), style, language);
            case OSM_PBF -> new OsmTileSource(OsmStore.open(map.file()), map.name(), style, "en".equals(language));
        };
    }

    /** The street indexes of the imported extracts, for {@link PlaceSearch}; the caller closes the stores. */
    public List<PlaceSearch.Source> searchSources() {
        List<PlaceSearch.Source> sources = new ArrayList<>();
        for (OfflineMap map : list()) {
            if (map.format() == OfflineMap.Format.OSM_PBF) {
                sources.add(new PlaceSearch.Source(map.name(), OsmStore.open(map.file())));
            } else {
                openSearchIndex(map).ifPresent(index -> sources.add(new PlaceSearch.Source(map.name(), index)));
            }
        }
        return sources;
    }

    /**
     * The name index of an added {@code .map} (built by {@link MapsforgeNameIndexer} when it was added), opened for
     * search; empty for a map added before there were such indexes or whose index cannot be read (logged). The caller
     * closes it.
     */
    public Optional<OsmStore> openSearchIndex(OfflineMap map) {
        if (map.format() != OfflineMap.Format.MAPSFORGE) {
            return Optional.empty();
        }
        Path index = MapsforgeNameIndexer.indexFor(map.file());
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OsmStore.open(index));
        } catch (MapFileException e) {
            LOG.warn("Search index of {} not opened: {}", map.file(), e.getMessage());
            return Optional.empty();
        }
    }

    /** True when an added {@code .map} has no search index yet (it was added by an earlier version). */
    public boolean needsSearchIndex(OfflineMap map) {
        return map.format() == OfflineMap.Format.MAPSFORGE && !Files.isRegularFile(MapsforgeNameIndexer.indexFor(map.file()));
    }

    /** Builds (or rebuilds) the search index of an added {@code .map}; progress and cancel as for {@link #add}. */
    public MapsforgeNameIndexer.Summary buildSearchIndex(OfflineMap map, ProgressMonitor progress) throws IOException {
        if (map.format() != OfflineMap.Format.MAPSFORGE) {
            throw new BadInputException(map.name() + " is an imported .osm.pbf street map; its search index was written"
                    + " when it was added");
        }
        return MapsforgeNameIndexer.index(map.file(), MapsforgeNameIndexer.indexFor(map.file()), progress);
    }

    /** Parts per thousand of an add's progress bar spent indexing a {@code .map} (the rest is the copy). */
    private static final int INDEX_SHARE = 850;

    /** One phase of a longer job on one progress bar: {@code start..start+share} of 1000. */
    private record PhaseProgress(ProgressMonitor whole, int start, int share) implements ProgressMonitor {
        static ProgressMonitor of(ProgressMonitor whole, int start, int share) {
            return new PhaseProgress(whole, start, share);
        }

        @Override
        public void progress(long done, long total) {
            if (total > 0) {
                whole.progress(start + Math.min(share, Math.round((double) done / total * share)), 1000);
            }
        }

        @Override
        public boolean isCancelled() {
            return whole.isCancelled();
        }
    }

    private enum Format { MAPSFORGE, PBF }

    private static Format sniff(Path file) throws IOException {
        byte[] head = new byte[64];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= MAPSFORGE_MAGIC.length && java.util.Arrays.equals(head, 0, MAPSFORGE_MAGIC.length, MAPSFORGE_MAGIC, 0,
                MAPSFORGE_MAGIC.length)) {
            return Format.MAPSFORGE;
        }
        if (new String(head, 0, read, StandardCharsets.ISO_8859_1).contains("OSMHeader")) {
            return Format.PBF;
        }
        throw new MapFileException(file, "not a mapsforge .map or an OpenStreetMap .osm.pbf file");
    }

    static String mapName(Path file) {
        String name = file.getFileName().toString();
        for (String extension : List.of(".osm.pbf", ".pbf", MAP_EXTENSION)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(extension)) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        String clean = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        if (clean.isBlank() || clean.startsWith(".")) {
            throw new MapFileException(file, "the file name gives no usable map name");
        }
        return clean;
    }

    private static String strip(String fileName, String extension) {
        return fileName.substring(0, fileName.length() - extension.length());
    }

    private static OfflineMap describeMapsforge(Path file, String name) {
        MapFile mapFile;
        try {
            mapFile = new MapFile(file.toFile());
        } catch (RuntimeException e) {
            throw new MapFileException(file, "not a readable mapsforge map: " + e.getMessage(), e);
        }
        try {
            MapFileInfo info = mapFile.getMapFileInfo();
            long size = Files.size(file);
            if (info.fileSize != size) {
                throw new MapFileException(file, "truncated or padded: the header says " + info.fileSize
                        + " bytes, the file has " + size);
            }
            var b = info.boundingBox;
            return new OfflineMap(name, OfflineMap.Format.MAPSFORGE, file, new GeoBox(b.minLongitude, b.minLatitude,
                    b.maxLongitude, b.maxLatitude), info.zoomLevelMin, Math.max(info.zoomLevelMax, 20),
                    Instant.ofEpochMilli(info.mapDate), size);
        } catch (IOException e) {
            throw new MapFileException(file, "cannot read: " + e.getMessage(), e);
        } finally {
            mapFile.close();
        }
    }

    private static OfflineMap describeStore(Path file, String name) {
        try (OsmStore store = OsmStore.open(file)) {
            return new OfflineMap(name, OfflineMap.Format.OSM_PBF, file, store.bounds(), 8, 19, store.dataDate(),
                    Files.size(file));
        } catch (IOException e) {
            throw new MapFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to, ProgressMonitor progress) throws IOException {
        long total = Files.size(from);
        long done = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(from);
                var out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("adding " + from.getFileName() + " cancelled");
                }
                out.write(buffer, 0, n);
                done += n;
                progress.progress(done, total);
            }
            out.flush();
            if (out instanceof java.io.FileOutputStream fos) {
                fos.getFD().sync();
            }
        }
    }
}
