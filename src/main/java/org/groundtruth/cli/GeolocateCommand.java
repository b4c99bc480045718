package org.groundtruth.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.core.geolocate.SearchRecord;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.match.ImageGeolocator;
import org.groundtruth.store.Investigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code groundtruth geolocate FILE [--frame N] --reference LAYER_FILE [--area MINLON,MINLAT,MAXLON,MAXLAT] [--json]}:
 * candidate places of a photo or video frame, found by matching it against reference imagery, best first. It never
 * decides: the analyst accepts or rejects a candidate in the window. When the investigation exists, the reference's
 * cell features are cached in it and the search is logged.
 */
@Command(name = "geolocate", description = "Find where a photo or video frame was taken by matching it against reference "
        + "imagery (GeoTIFF, MBTiles, GeoPackage); prints the candidates above the acceptance score, best first.")
final class GeolocateCommand implements Callable<Integer> {
    /** The largest side decoded from a photo: more detail than matching uses, bounded memory. */
    private static final int DECODE_MAX_SIDE = 4096;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Photo or video file.")
    Path file;

    @Option(names = "--frame", paramLabel = "N", description = "Frame of a video, from 0 (default 0).")
    Long frame;

    @Option(names = "--reference", required = true, paramLabel = "LAYER_FILE",
            description = "Reference imagery: GeoTIFF (any CRS), MBTiles or GeoPackage tiles.")
    Path reference;

    @Option(names = "--area", paramLabel = "MINLON,MINLAT,MAXLON,MAXLAT", description = "Search area (default: the whole reference).")
    String area;

    @Option(names = "--resolution", paramLabel = "METRES", description = "Finest reference resolution to read, metres per pixel "
            + "(default: the layer's own).")
    Double resolution;

    @Option(names = "--scales", paramLabel = "N", description = "Reference scales to search, each half the resolution of the "
            + "one before (1-4, default 3).")
    Integer scales;

    @Option(names = "--json", description = "Print one JSON document: [{lat, lon, score, inliers, footprint}].")
    boolean json;

    /** The JSON contract: the ground point under the frame's centre, score, inliers, footprint corners. */
    record Candidate(double lat, double lon, double score, int inliers, List<double[]> footprint) {
    }

    @Override
    public Integer call() {
        if (frame != null && frame < 0) {
            throw new BadInputException("--frame must be 0 or more, was " + frame);
        }
        Optional<SearchArea> searchArea = Optional.ofNullable(area).map(SearchArea::parse);
        MatchParameters parameters = MatchParameters.defaults();
        try {
            if (resolution != null) {
                parameters = parameters.withGroundResolution(resolution);
            }
            if (scales != null) {
                parameters = parameters.withScales(scales);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException("geolocate: " + e.getMessage(), e);
        }
        BufferedImage image = decode();
        try (ReferenceLayer layer = ReferenceLayer.open(reference)) {
            if (searchArea.isPresent() && !searchArea.get().intersects(layer.bounds())) {
                throw new BadInputException("--area " + area + " does not overlap " + reference.getFileName() + " ("
                        + layer.bounds() + ")");
            }
            GroundtruthCommand root = Workspace.root(spec);
            Path workspace = Workspace.directory(root);
            SearchReport report;
            if (Investigation.existsIn(workspace)) {
                try (Investigation inv = Workspace.open(root)) {
                    report = new ImageGeolocator(inv.imageMatches().featureCache())
                            .search(image, layer, searchArea, parameters, ProgressMonitor.NONE);
                    inv.imageMatches().recordSearch(SearchRecord.of(Optional.empty(), layer.name(), parameters, report),
                            Workspace.analyst(root));
                }
            } else {
                report = new ImageGeolocator(CellFeatureCache.NONE).search(image, layer, searchArea, parameters, ProgressMonitor.NONE);
            }
            print(report, parameters);
        }
        return Cli.OK;
    }

    private BufferedImage decode() {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": " + (Files.isDirectory(file) ? "is a folder" : "file not found"));
        }
        if (frame == null) {
            try {
                return new StillImageDecoder().decode(file, DECODE_MAX_SIDE).image();
            } catch (MediaFormatException e) {
                // not a still picture: a video's first frame
            }
        }
        try (VideoDecoder video = VideoDecoder.open(file)) {
            return video.frame(frame == null ? 0 : frame).toBufferedImage();
        } catch (MediaFormatException e) {
            throw MediaInput.badInput(file, e);
        }
    }

    private void print(SearchReport report, MatchParameters parameters) {
        if (json) {
            List<Candidate> out = new ArrayList<>();
            for (MatchCandidate c : report.candidates()) {
                List<double[]> footprint = new ArrayList<>();
                for (LatLon p : c.footprint()) {
                    footprint.add(new double[] {round(p.lat()), round(p.lon())});
                }
                out.add(new Candidate(round(c.center().lat()), round(c.center().lon()), c.score(), c.inliers(), footprint));
            }
            Output.json(spec, out);
            return;
        }
        if (report.candidates().isEmpty()) {
            Output.line(spec, String.format(Locale.ROOT, "no candidate above the acceptance score %.0f (best below: %.1f);"
                    + " %d cells searched", parameters.acceptanceScore(), report.bestRejectedScore(), report.cells()));
            return;
        }
        int rank = 1;
        for (MatchCandidate c : report.candidates()) {
            Output.line(spec, String.format(Locale.ROOT, "%d. %.6f, %.6f  score %.1f  %d inliers  residual %.2f m  ±%.0f m  %s",
                    rank++, c.center().lat(), c.center().lon(), c.score(), c.inliers(), c.reprojectionErrorMeters(),
                    c.precisionMeters(), c.confidence().words()));
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
