package org.groundtruth.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;

/**
 * Finds suspected double taps: a strike within R metres and at most T after an earlier one (both limits
 * inclusive; a strike at the same second is not "after"). A sweep in time order keeps the strikes of the last T
 * in cubic ECEF cells of edge ≥ R, so each strike is compared only with the recent strikes of its 27 neighbouring
 * cells: about n·k work for k strikes per cell and window instead of n², with a map small enough to stay in cache.
 * ECEF chords never exceed geodesics, so the grid is exact at the antimeridian and the poles. The geodesic
 * distance (Apache SIS, Karney) decides; {@link #TOLERANCE_METERS} absorbs rounding so a strike placed at exactly
 * R is inside.
 */
public final class DoubleTapDetector {
    /** Distances up to R + 1 mm count as within R: far below any geolocation precision, far above rounding. */
    public static final double TOLERANCE_METERS = 0.001;
    private static final double MIN_CELL_METERS = 10;

    private final DoubleTapParameters parameters;

    public DoubleTapDetector(DoubleTapParameters parameters) {
        this.parameters = Require.present(parameters, "parameters");
    }

    /** Searches the incidents that have both a location and a time; the others are skipped and counted. */
    public DoubleTapReport detect(Collection<Incident> incidents) {
        List<StrikePoint> points = new ArrayList<>(incidents.size());
        int withoutLocation = 0;
        int withoutTime = 0;
        int skipped = 0;
        for (Incident incident : incidents) {
            boolean noLocation = incident.location().isEmpty();
            boolean noTime = incident.occurredAt().isEmpty();
            withoutLocation += noLocation ? 1 : 0;
            withoutTime += noTime ? 1 : 0;
            if (noLocation || noTime) {
                skipped++;
            } else {
                points.add(StrikePoint.of(incident).orElseThrow());
            }
        }
        return detect(points, new Skipped(withoutLocation, withoutTime, skipped), ProgressMonitor.NONE);
    }

    /** Incidents left out of a search for lack of a location or a time. */
    public record Skipped(int withoutLocation, int withoutTime, int total) {
        public static final Skipped NONE = new Skipped(0, 0, 0);
    }

    public DoubleTapReport detect(List<StrikePoint> points, Skipped skipped, ProgressMonitor progress) {
        int n = points.size();
        long[] t = new long[n];
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            StrikePoint p = points.get(i);
            t[i] = p.epochSecond();
            Ecef.toEcef(p.position().lat(), p.position().lon(), xyz, 3 * i);
        }
        int[] order = TimeOrder.sort(t, i -> points.get(i).incidentId());
        double limit = parameters.radiusMeters() + TOLERANCE_METERS;
        // The chord pre-filter gets a further micrometre of slack for the rounding in the ECEF conversion.
        double reach = limit + 1e-6;
        double chordLimitSquared = reach * reach;
        // Cells of four times the reach: the cube of ±reach around a strike meets 1 or 2 cells per axis (about 3.4
        // cells on average instead of 27).
        WindowCells window = new WindowCells(n, Math.max(4 * reach, MIN_CELL_METERS));
        long[] cellOf = new long[n];
        long windowSeconds = parameters.windowSeconds();
        Links links = new Links(points, t);
        int oldest = 0;
        for (int k = 0; k < n; k++) {
            if ((k & 0xFFFF) == 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("double-tap search cancelled");
                }
                progress.progress(k, n);
            }
            int i = order[k];
            while (t[order[oldest]] < t[i] - windowSeconds) {
                window.removeOldest(cellOf[order[oldest]], order[oldest]);
                oldest++;
            }
            double x = xyz[3 * i];
            double y = xyz[3 * i + 1];
            double z = xyz[3 * i + 2];
            long x0 = window.cell(x - reach);
            long x1 = window.cell(x + reach);
            long y0 = window.cell(y - reach);
            long y1 = window.cell(y + reach);
            long z0 = window.cell(z - reach);
            long z1 = window.cell(z + reach);
            for (long cx = x0; cx <= x1; cx++) {
                for (long cy = y0; cy <= y1; cy++) {
                    for (long cz = z0; cz <= z1; cz++) {
                        for (int j = window.first(WindowCells.pack(cx, cy, cz)); j >= 0; j = window.next(j)) {
                            if (t[j] >= t[i]) {
                                break;
                            }
                            double ex = xyz[3 * j] - x;
                            double ey = xyz[3 * j + 1] - y;
                            double ez = xyz[3 * j + 2] - z;
                            double chordSquared = ex * ex + ey * ey + ez * ez;
                            if (chordSquared <= chordLimitSquared && links.within(j, i, Math.sqrt(chordSquared), limit)) {
                                links.offer(j, i);
                            }
                        }
                    }
                }
            }
            cellOf[i] = WindowCells.pack(window.cell(x), window.cell(y), window.cell(z));
            window.add(cellOf[i], i);
        }
        progress.progress(n, n);
        return links.report(parameters, skipped, order);
    }

    /**
     * Per follow-up the best earlier strike (latest, then nearest, then lowest id), and groups by union-find.
     * Geodesic distances are computed only where they decide something: near the radius, to break a tie, and for
     * the reported pair.
     */
    private static final class Links {
        /** 1 / (12 ρ²) with ρ below the smallest radius of curvature of WGS84 (b²/a ≈ 6,335,439 m). */
        private static final double CURVATURE_TERM = 1 / (12 * 6.3e6 * 6.3e6);

        private final List<StrikePoint> points;
        private final long[] t;
        private final int[] best;
        private final double[] bestDistance;
        private final int[] parent;
        private final GeodesicDistance geodesic = new GeodesicDistance();

        Links(List<StrikePoint> points, long[] t) {
            this.points = points;
            this.t = t;
            int n = points.size();
            best = new int[n];
            Arrays.fill(best, -1);
            bestDistance = new double[n];
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        /**
         * Whether the geodesic from {@code first} to {@code second} is at most {@code limit}, given their chord. The
         * geodesic is at least the chord and, for a curve whose curvature is at most 1/ρ, longer by less than
         * chord³/(12ρ²) (twice the leading term of the arc-minus-chord difference): only pairs in that sliver
         * below the limit need the exact geodesic.
         */
        boolean within(int first, int second, double chord, double limit) {
            if (chord > limit) {
                return chord <= limit + 1e-6 && distance(first, second) <= limit;
            }
            return chord + chord * chord * chord * CURVATURE_TERM <= limit || distance(first, second) <= limit;
        }

        double distance(int first, int second) {
            LatLon a = points.get(first).position();
            LatLon b = points.get(second).position();
            return geodesic.meters(a.lat(), a.lon(), b.lat(), b.lon());
        }

        void offer(int first, int second) {
            union(first, second);
            int current = best[second];
            if (current < 0 || t[first] > t[current]) {
                best[second] = first;
                bestDistance[second] = Double.NaN;
                return;
            }
            if (t[first] == t[current]) {
                double now = settledDistance(second);
                double candidate = distance(first, second);
                if (candidate < now || candidate == now
                        && points.get(first).incidentId().compareTo(points.get(current).incidentId()) < 0) {
                    best[second] = first;
                    bestDistance[second] = candidate;
                }
            }
        }

        private double settledDistance(int second) {
            if (Double.isNaN(bestDistance[second])) {
                bestDistance[second] = distance(best[second], second);
            }
            return bestDistance[second];
        }

        /** Pairs and groups in (time, id) order, read off the strikes in that order: no boxing, no sorting. */
        DoubleTapReport report(DoubleTapParameters parameters, Skipped skipped, int[] order) {
            int n = best.length;
            int[] size = new int[n];
            for (int i = 0; i < n; i++) {
                size[find(i)]++;
            }
            List<DoubleTapPair> pairs = new ArrayList<>();
            int[] groupOfRoot = new int[n];
            Arrays.fill(groupOfRoot, -1);
            List<List<String>> groups = new ArrayList<>();
            for (int i : order) {
                if (best[i] >= 0) {
                    pairs.add(new DoubleTapPair(points.get(best[i]).incidentId(), points.get(i).incidentId(),
                            settledDistance(i), t[i] - t[best[i]]));
                }
                int root = find(i);
                if (size[root] >= 2) {
                    if (groupOfRoot[root] < 0) {
                        groupOfRoot[root] = groups.size();
                        groups.add(new ArrayList<>(size[root]));
                    }
                    groups.get(groupOfRoot[root]).add(points.get(i).incidentId());
                }
            }
            return new DoubleTapReport(parameters, pairs, groups.stream().map(DoubleTapGroup::new).toList(),
                    points.size(), skipped.withoutLocation(), skipped.withoutTime(), skipped.total());
        }

        private int find(int i) {
            int root = i;
            while (parent[root] != root) {
                root = parent[root];
            }
            while (parent[i] != root) {
                int next = parent[i];
                parent[i] = root;
                i = next;
            }
            return root;
        }

        private void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
