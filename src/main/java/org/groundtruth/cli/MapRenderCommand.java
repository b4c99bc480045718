package org.groundtruth.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.geo.CoordinateParser;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.offline.OfflineMap;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.map.offline.ViewRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groundtruth map render}: the map's view (basemap + added offline maps) as a PNG, attribution in the corner. */
@Command(name = "map", description = "The map as the window shows it.", subcommands = MapRenderCommand.Render.class)
final class MapRenderCommand {

    @Command(name = "render", description = "Draw the basemap and the added offline maps for a view into a PNG.")
    static final class Render implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--center", required = true, paramLabel = "COORDS", description = "Centre of the view (any coordinate format).") String center;
        @Option(names = "--zoom", required = true, paramLabel = "Z", description = "Zoom 0-19.") int zoom;
        @Option(names = "--size", paramLabel = "WxH", description = "Image size in pixels (default 1024x768).") String size = "1024x768";
        @Option(names = "--out", required = true, paramLabel = "FILE.png") Path out;
        @Option(names = "--style", paramLabel = "light|dark", description = "Map style, light or dark: basemap, added maps and attribution (default light).") String style = "light";
        @Option(names = "--lang", paramLabel = "en|uk", description = "Label language first in bilingual labels (default en).") String lang = "en";

        @Override
        public Integer call() throws IOException {
            LatLon centre = CoordinateParser.parse(center);
            MapStyle mapStyle = MapStyle.parse(style);
            if (!lang.equals("en") && !lang.equals("uk")) {
                throw new BadInputException("--lang must be en or uk, was " + lang);
            }
            String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
            int width;
            int height;
            try {
                width = Integer.parseInt(wh[0].trim());
                height = Integer.parseInt(wh[1].trim());
            } catch (RuntimeException e) {
                throw new BadInputException("--size must be WIDTHxHEIGHT, e.g. 1024x768, was " + size);
            }
            if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                throw new BadInputException(out + ": --out must name a .png file");
            }
            List<TileSource> layers = new ArrayList<>();
            try {
                MapsDirectory.locate().ifPresent(maps -> layers.add(BasemapRenderer.open(maps.resolve(MapsDirectory.BASEMAP), lang.equals("uk"))));
                OfflineMapLibrary library = OfflineMapLibrary.user();
                for (OfflineMap map : library.list()) {
                    layers.add(library.open(map, mapStyle, lang));
                }
                var image = ViewRenderer.render(layers, centre, zoom, width, height, mapStyle);
                Path absolute = out.toAbsolutePath();
                Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".tmp");
                ImageIO.write(image, "png", temp.toFile());
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Output.line(spec, "wrote " + out + " (" + width + "x" + height + ", zoom " + zoom + ", " + mapStyle.key() + ", " + layers.size() + " layers)");
            } finally {
                layers.forEach(TileSource::close);
            }
            return Cli.OK;
        }
    }
}
