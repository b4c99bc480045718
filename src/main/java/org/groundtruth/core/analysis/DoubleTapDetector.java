package org.groundtruth.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.Incident;

/**
 * Finds suspected double taps: a strike within R metres and at most T after an earlier one (both limits
 * inclusive; a strike at the same second is not "after"). Strikes are bucketed in cubic ECEF cells of edge ≥ R,
 * so each strike is compared only with the strikes of its 27 neighbouring cells that fall within T after it
 * (found by binary search, each cell's strikes being in time order): about n·k work for k strikes per cell and
 * window, instead of n². Geodesic distance (Apache SIS) decides; {@link #TOLERANCE_METERS} absorbs rounding so a
 * strike placed at exactly R is inside.
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
        int[] order = TimeOrder.sort(t);
        double limit = parameters.radiusMeters() + TOLERANCE_METERS;
        // The chord pre-filter gets a further micrometre of slack for the rounding in the ECEF conversion.
        double chordLimitSquared = (limit + 1e-6) * (limit + 1e-6);
        CellIndex cells = new CellIndex(xyz, order, Math.max(limit, MIN_CELL_METERS));
        int[] members = cells.members();
        long window = parameters.windowSeconds();
        GeodesicDistance geodesic = new GeodesicDistance();
        Links links = new Links(points, t);

        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("double-tap search cancelled");
                }
                progress.progress(i, n);
            }
            double x = xyz[3 * i];
            double y = xyz[3 * i + 1];
            double z = xyz[3 * i + 2];
            long cx = cells.cell(x);
            long cy = cells.cell(y);
            long cz = cells.cell(z);
            long latest = t[i] + window;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dz = -1; dz <= 1; dz++) {
                        int slot = cells.find(CellIndex.pack(cx + dx, cy + dy, cz + dz));
                        if (slot < 0) {
                            continue;
                        }
                        int end = cells.end(slot);
                        for (int k = firstAfter(members, t, cells.start(slot), end, t[i]); k < end; k++) {
                            int j = members[k];
                            if (t[j] > latest) {
                                break;
                            }
                            double ex = xyz[3 * j] - x;
                            double ey = xyz[3 * j + 1] - y;
                            double ez = xyz[3 * j + 2] - z;
                            if (ex * ex + ey * ey + ez * ez > chordLimitSquared) {
                                continue;
                            }
                            StrikePoint a = points.get(i);
                            StrikePoint b = points.get(j);
                            double d = geodesic.meters(a.position().lat(), a.position().lon(), b.position().lat(),
                                    b.position().lon());
                            if (d <= limit) {
                                links.offer(i, j, d);
                            }
                        }
                    }
                }
            }
        }
        progress.progress(n, n);
        return links.report(parameters, skipped);
    }

    /** The first position in members[from, to) whose time is after {@code time}. */
    private static int firstAfter(int[] members, long[] t, int from, int to, long time) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[members[mid]] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Per follow-up the best earlier strike (latest, then nearest, then lowest id), and groups by union-find. */
    private static final class Links {
        private final List<StrikePoint> points;
        private final long[] t;
        private final int[] best;
        private final double[] bestDistance;
        private final int[] parent;

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

        void offer(int first, int second, double distance) {
            union(first, second);
            int current = best[second];
            if (current < 0 || t[first] > t[current]
                    || t[first] == t[current] && (distance < bestDistance[second] || distance == bestDistance[second]
                    && points.get(first).incidentId().compareTo(points.get(current).incidentId()) < 0)) {
                best[second] = first;
                bestDistance[second] = distance;
            }
        }

        DoubleTapReport report(DoubleTapParameters parameters, Skipped skipped) {
            Comparator<Integer> byTime = Comparator.<Integer>comparingLong(i -> t[i])
                    .thenComparing(i -> points.get(i).incidentId());
            List<Integer> followUps = new ArrayList<>();
            int[] size = new int[best.length];
            for (int i = 0; i < best.length; i++) {
                size[find(i)]++;
            }
            java.util.Map<Integer, List<Integer>> components = new java.util.HashMap<>();
            for (int i = 0; i < best.length; i++) {
                if (best[i] >= 0) {
                    followUps.add(i);
                }
                int root = find(i);
                if (size[root] >= 2) {
                    components.computeIfAbsent(root, r -> new ArrayList<>()).add(i);
                }
            }
            followUps.sort(byTime);
            List<DoubleTapPair> pairs = followUps.stream().map(j -> new DoubleTapPair(points.get(best[j]).incidentId(),
                    points.get(j).incidentId(), bestDistance[j], t[j] - t[best[j]])).toList();
            List<DoubleTapGroup> groups = components.values().stream().filter(c -> c.size() >= 2)
                    .map(c -> c.stream().sorted(byTime).toList())
                    .sorted(Comparator.comparing((List<Integer> c) -> c.get(0), byTime))
                    .map(c -> new DoubleTapGroup(c.stream().map(i -> points.get(i).incidentId()).toList())).toList();
            return new DoubleTapReport(parameters, pairs, groups, points.size(), skipped.withoutLocation(),
                    skipped.withoutTime(), skipped.total());
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
