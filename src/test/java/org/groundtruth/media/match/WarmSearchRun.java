package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.store.Investigation;

/** Warm searches of the bench area (after GeolocateBench speed), for a profiler: prints wall and CPU per run. */
public final class WarmSearchRun {
    private WarmSearchRun() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target", "geolocate-bench");
        BufferedImage image = new StillImageDecoder().decode(Path.of("..", "shared", "data", "aerial", "brighton-beach",
                "images", "DJI_0026.JPG"), 4096).image();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (Investigation inv = Investigation.open(work.resolve("ws-0.3"), new ContentInspector());
             ReferenceLayer layer = ReferenceLayer.open(work.resolve("brighton-1km.mbtiles"))) {
            for (int run = 0; run < (args.length > 0 ? Integer.parseInt(args[0]) : 3); run++) {
                long cpu = os.getProcessCpuTime();
                SearchReport r = new ImageGeolocator(inv.imageMatches().featureCache()).search(image, layer, Optional.empty(),
                        MatchParameters.defaults().withGroundResolution(0.3), ProgressMonitor.NONE);
                System.out.printf("warm %d: %d ms wall, %d ms CPU, %d cells (%d cached), %d candidates%n", run, r.millis(),
                        (os.getProcessCpuTime() - cpu) / 1_000_000, r.cells(), r.cellsFromCache(), r.candidates().size());
            }
        }
    }
}
