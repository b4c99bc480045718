package org.groundtruth.media.match;

/** Small homography maths on row-major 3×3 arrays. */
final class Homographies {
    private Homographies() {
    }

    static double[] apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w, w};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += a[3 * r + i] * b[3 * i + k];
                }
                c[3 * r + k] = s;
            }
        }
        return c;
    }

    static double[] scale(double s) {
        return new double[] {s, 0, 0, 0, s, 0, 0, 0, 1};
    }

    static double[] translate(double tx, double ty) {
        return new double[] {1, 0, tx, 0, 1, ty, 0, 0, 1};
    }

    /** Area of a polygon (shoelace), positive when its vertices run clockwise in image coordinates (y down). */
    static double signedArea(double[] xy) {
        double s = 0;
        int n = xy.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            s += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
        }
        return s / 2;
    }

    /** True when the quadrilateral is convex with all turns the same way (no fold, no bow-tie). */
    static boolean convex(double[] quad) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int k = (i + 2) % 4;
            double cross = (quad[2 * j] - quad[2 * i]) * (quad[2 * k + 1] - quad[2 * j + 1])
                    - (quad[2 * j + 1] - quad[2 * i + 1]) * (quad[2 * k] - quad[2 * j]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s == 0 || (sign != 0 && s != sign)) {
                return false;
            }
            sign = s;
        }
        return true;
    }

    /** Area of the convex hull of points (x, y interleaved), by the monotone chain. */
    static double hullArea(double[] xy) {
        int n = xy.length / 2;
        if (n < 3) {
            return 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> xy[2 * a] != xy[2 * b] ? Double.compare(xy[2 * a], xy[2 * b])
                : Double.compare(xy[2 * a + 1], xy[2 * b + 1]));
        int[] hull = new int[2 * n];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = k;
            for (int t = 0; t < n; t++) {
                int i = order[pass == 0 ? t : n - 1 - t];
                while (k >= start + 2 && cross(xy, hull[k - 2], hull[k - 1], i) <= 0) {
                    k--;
                }
                hull[k++] = i;
            }
            k--;
        }
        double[] poly = new double[2 * k];
        for (int i = 0; i < k; i++) {
            poly[2 * i] = xy[2 * hull[i]];
            poly[2 * i + 1] = xy[2 * hull[i] + 1];
        }
        return Math.abs(signedArea(poly));
    }

    private static double cross(double[] xy, int o, int a, int b) {
        return (xy[2 * a] - xy[2 * o]) * (xy[2 * b + 1] - xy[2 * o + 1]) - (xy[2 * a + 1] - xy[2 * o + 1]) * (xy[2 * b] - xy[2 * o]);
    }
}
