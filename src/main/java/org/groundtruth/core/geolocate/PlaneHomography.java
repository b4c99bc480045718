package org.groundtruth.core.geolocate;

/**
 * 3×3 plane homographies as row-major {@code double[9]}: the four-point solution, application, product and inverse.
 * Plain Java (the core has no OpenCV), used to rectify oblique frames and to map footprints back to frame pixels.
 */
public final class PlaneHomography {
    private PlaneHomography() {
    }

    /**
     * The homography taking the four points {@code from} (x0, y0, … x3, y3) to {@code to}.
     *
     * @throws IllegalArgumentException when three of the points are (nearly) on one line
     */
    public static double[] fromFourPoints(double[] from, double[] to) {
        if (from.length != 8 || to.length != 8) {
            throw new IllegalArgumentException("four points (8 numbers) are needed on each side");
        }
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] h = solve(a);
        return new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1};
    }

    /** Gaussian elimination with partial pivoting on an 8×9 augmented matrix. */
    private static double[] solve(double[][] a) {
        int n = 8;
        double scale = 0;
        for (double[] row : a) {
            for (int k = 0; k < n; k++) {
                scale = Math.max(scale, Math.abs(row[k]));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12 * Math.max(1, scale)) {
                throw new IllegalArgumentException("three of the four points are on one line: no plane mapping");
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("the four points give no plane mapping");
            }
        }
        return x;
    }

    /** (x', y', w): the point in homogeneous form before division, so callers can see which side of the horizon it is. */
    public static double[] applyHomogeneous(double[] h, double x, double y) {
        return new double[] {h[0] * x + h[1] * y + h[2], h[3] * x + h[4] * y + h[5], h[6] * x + h[7] * y + h[8]};
    }

    /** The mapped point (x, y). */
    public static double[] apply(double[] h, double x, double y) {
        double[] p = applyHomogeneous(h, x, y);
        return new double[] {p[0] / p[2], p[1] / p[2]};
    }

    /** The product a·b (b applied first). */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[3 * i + k] * b[3 * k + j];
                }
                c[3 * i + j] = s;
            }
        }
        return c;
    }

    /** The inverse (adjugate over determinant). */
    public static double[] invert(double[] h) {
        double a = h[0];
        double b = h[1];
        double c = h[2];
        double d = h[3];
        double e = h[4];
        double f = h[5];
        double g = h[6];
        double k = h[7];
        double l = h[8];
        double det = a * (e * l - f * k) - b * (d * l - f * g) + c * (d * k - e * g);
        if (!(Math.abs(det) > 1e-300) || !Double.isFinite(det)) {
            throw new IllegalArgumentException("the homography is singular");
        }
        return new double[] {(e * l - f * k) / det, (c * k - b * l) / det, (b * f - c * e) / det,
            (f * g - d * l) / det, (a * l - c * g) / det, (c * d - a * f) / det,
            (d * k - e * g) / det, (b * g - a * k) / det, (a * e - b * d) / det};
    }

    /** Absolute value of the Jacobian determinant at (x, y): how many square output units one square input unit covers. */
    public static double areaScale(double[] h, double x, double y) {
        double[] p = applyHomogeneous(h, x, y);
        double w = p[2];
        double det = h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6])
                + h[2] * (h[3] * h[7] - h[4] * h[6]);
        return Math.abs(det / (w * w * w));
    }
}
