package org.groundtruth.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.groundtruth.core.ProgressMonitor;

/**
 * Progress of long work as a percentage on stderr, one line per 5 % (stdout stays clean for --json); silent when
 * the work is small enough to end before anyone would wait for it.
 */
final class StderrProgress implements ProgressMonitor {
    private static final long QUIET_BELOW_BYTES = 64L << 20;
    private final PrintWriter err;
    private final String what;
    private int lastPercent = -1;

    StderrProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public void progress(long done, long total) {
        if (total < QUIET_BELOW_BYTES) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent != lastPercent && (percent % 5 == 0 || percent == 100)) {
            lastPercent = percent;
            err.println(String.format(Locale.ROOT, "%s: %d%% (%d of %d MB)", what, percent, done >> 20, total >> 20));
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
