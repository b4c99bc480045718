package org.groundtruth.ui.map;

import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.map.WebMercator;

/**
 * Incident markers packed into primitive arrays (normalised Mercator x/y, status) so a frame can place 100,000
 * of them without allocating; {@link #cluster} bins them on a grid fixed in world pixels, so clusters do not
 * jump while panning. Plain Java: tested and benchmarked without a toolkit.
 */
public final class MarkerIndex {
    private final List<Incident> incidents;
    private final double[] normX;
    private final double[] normY;
    private final byte[] status;

    public MarkerIndex(List<Incident> all) {
        List<Incident> located = new ArrayList<>();
        for (Incident incident : all) {
            if (incident.location().isPresent()) {
                located.add(incident);
            }
        }
        this.incidents = List.copyOf(located);
        int n = incidents.size();
        normX = new double[n];
        normY = new double[n];
        status = new byte[n];
        for (int i = 0; i < n; i++) {
            Incident incident = incidents.get(i);
            normX[i] = WebMercator.normX(incident.location().get().lon());
            normY[i] = WebMercator.normY(incident.location().get().lat());
            status[i] = (byte) incident.status().ordinal();
        }
    }

    public static final MarkerIndex EMPTY = new MarkerIndex(List.of());

    public int size() {
        return incidents.size();
    }

    public Incident incident(int index) {
        return incidents.get(index);
    }

    public int indexOf(String incidentId) {
        for (int i = 0; i < incidents.size(); i++) {
            if (incidents.get(i).id().equals(incidentId)) {
                return i;
            }
        }
        return -1;
    }

    /** A marker or a cluster on screen: position, how many incidents, the most common status, and one member. */
    public record Cluster(double x, double y, int count, VerificationStatus status, int firstIndex) {
        public boolean isSingle() {
            return count == 1;
        }
    }

    /**
     * Markers visible in the viewport, merged when closer than {@code cellPx}: one pass over all markers,
     * cost independent of how many end up on screen.
     */
    public List<Cluster> cluster(MapViewport viewport, double cellPx) {
        int n = normX.length;
        if (n == 0) {
            return List.of();
        }
        double world = WebMercator.worldSize(viewport.zoom());
        double left = viewport.left();
        double top = viewport.top();
        double width = viewport.width();
        double height = viewport.height();
        // Dense grid over the screen (plus one cell of margin), aligned to world-pixel multiples of cellPx.
        long firstCol = (long) Math.floor((left - cellPx) / cellPx);
        long firstRow = (long) Math.floor((top - cellPx) / cellPx);
        int cols = (int) (Math.floor((left + width + cellPx) / cellPx) - firstCol) + 1;
        int rows = (int) (Math.floor((top + height + cellPx) / cellPx) - firstRow) + 1;
        int statuses = VerificationStatus.values().length;
        int[] count = new int[cols * rows];
        int[] first = new int[cols * rows];
        int[] histogram = new int[cols * rows * statuses];
        double[] sumX = new double[cols * rows];
        double[] sumY = new double[cols * rows];
        for (int i = 0; i < n; i++) {
            double sx = normX[i] * world - left;
            if (sx < -cellPx) {
                sx += world;
            } else if (sx > width + cellPx) {
                sx -= world;
            }
            double sy = normY[i] * world - top;
            if (sx < -cellPx || sx > width + cellPx || sy < -cellPx || sy > height + cellPx) {
                continue;
            }
            int col = (int) (Math.floor((sx + left) / cellPx) - firstCol);
            int row = (int) (Math.floor((sy + top) / cellPx) - firstRow);
            if (col < 0 || row < 0 || col >= cols || row >= rows) {
                continue;
            }
            int cell = row * cols + col;
            if (count[cell]++ == 0) {
                first[cell] = i;
            }
            histogram[cell * statuses + status[i]]++;
            sumX[cell] += sx;
            sumY[cell] += sy;
        }
        List<Cluster> clusters = new ArrayList<>();
        VerificationStatus[] values = VerificationStatus.values();
        for (int cell = 0; cell < count.length; cell++) {
            if (count[cell] == 0) {
                continue;
            }
            int dominant = 0;
            for (int st = 1; st < statuses; st++) {
                if (histogram[cell * statuses + st] > histogram[cell * statuses + dominant]) {
                    dominant = st;
                }
            }
            clusters.add(new Cluster(sumX[cell] / count[cell], sumY[cell] / count[cell], count[cell], values[dominant], first[cell]));
        }
        return clusters;
    }

    /** Screen positions of every visible marker, unclustered: what naive painting draws (benchmark baseline). */
    public int forEachVisible(MapViewport viewport, MarkerVisitor visitor) {
        double world = WebMercator.worldSize(viewport.zoom());
        int drawn = 0;
        for (int i = 0; i < normX.length; i++) {
            double sx = viewport.screenXOfNorm(normX[i]);
            double sy = normY[i] * world - viewport.top();
            if (sx >= -8 && sx <= viewport.width() + 8 && sy >= -8 && sy <= viewport.height() + 8) {
                visitor.visit(i, sx, sy, VerificationStatus.values()[status[i]]);
                drawn++;
            }
        }
        return drawn;
    }

    @FunctionalInterface
    public interface MarkerVisitor {
        void visit(int index, double x, double y, VerificationStatus status);
    }
}
