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
import org.groundtruth.core.geolocate.Rectification;
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

    @Option(names = "--ground-points", paramLabel = "X1,Y1;X2,Y2;X3,Y3;X4,Y4", description = "Oblique frame: four frame "
            + "pixels (of the original) that are the corners of a rectangle on the ground, in order round it; the frame "
            + "is rectified from them before matching.")
    String groundPoints;

    @Option(names = "--from-telemetry", description = "Oblique frame: rectify it from the camera's recorded pose (a drone "
            + "photo's metadata, a video's telemetry at the frame): height, yaw, pitch, roll, field of view.")
    boolean fromTelemetry;

    @Option(names = "--hfov", paramLabel = "DEG", description = "The camera's horizontal field of view, degrees, for "
            + "--ground-points (default: what the points imply, else 70) and --from-telemetry (default: the camera model's).")
    Double hfov;

    /** The decoded picture, its size before any reduction, and a video frame's time. */
    private record Decoded(BufferedImage image, int width, int height, Optional<Double> timeSeconds) {
    }

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
        if (groundPoints != null && fromTelemetry) {
            throw new BadInputException("--ground-points and --from-telemetry: give one of them");
        }
        if (hfov != null && !(hfov >= 1 && hfov <= 170)) {
            throw new BadInputException("--hfov must be 1..170 degrees, was " + hfov);
        }
        Decoded decoded = decode();
        BufferedImage image = decoded.image();
        Optional<Rectification> rectification = groundPoints != null
                ? Optional.of(ObliqueFrameOptions.fromPoints(groundPoints, decoded.width(), decoded.height(),
                        Optional.ofNullable(hfov)))
                : fromTelemetry ? Optional.of(ObliqueFrameOptions.fromTelemetry(file, decoded.timeSeconds(), decoded.width(),
                        decoded.height(), Optional.ofNullable(hfov))) : Optional.empty();
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
                    report = search(new ImageGeolocator(inv.imageMatches().featureCache()), image, rectification, layer,
                            searchArea, parameters);
                    inv.imageMatches().recordSearch(SearchRecord.of(Optional.empty(), layer.name(), parameters, report, rectification),
                            Workspace.analyst(root));
                }
            } else {
                report = search(new ImageGeolocator(CellFeatureCache.NONE), image, rectification, layer, searchArea, parameters);
            }
            print(report, parameters);
        }
        return Cli.OK;
    }

    private SearchReport search(ImageGeolocator geolocator, BufferedImage image, Optional<Rectification> rectification,
            ReferenceLayer layer, Optional<SearchArea> searchArea, MatchParameters parameters) {
        try {
            return geolocator.search(image, rectification, layer, searchArea, parameters, ProgressMonitor.NONE);
        } catch (IllegalArgumentException e) {
            if (rectification.isPresent()) { // the rectification leaves no ground: the analyst's points or the pose
                throw new BadInputException(file + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private Decoded decode() {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": " + (Files.isDirectory(file) ? "is a folder" : "file not found"));
        }
        if (frame == null) {
            try {
                StillImageDecoder.Decoded still = new StillImageDecoder().decode(file, DECODE_MAX_SIDE);
                return new Decoded(still.image(), still.declaredWidth(), still.declaredHeight(), Optional.empty());
            } catch (MediaFormatException e) {
                // not a still picture: a video's first frame
            }
        }
        try (VideoDecoder video = VideoDecoder.open(file)) {
            org.groundtruth.media.VideoFrame f = video.frame(frame == null ? 0 : frame);
            BufferedImage image = f.toBufferedImage();
            return new Decoded(image, image.getWidth(), image.getHeight(), Optional.of(f.timeSeconds()));
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
