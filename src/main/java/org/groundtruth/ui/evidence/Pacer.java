package org.groundtruth.ui.evidence;

/** Waits until a frame is due during playback; tests replace it so playback runs as fast as it decodes. */
@FunctionalInterface
public interface Pacer {
    Pacer REAL_TIME = deadlineNanos -> {
        long wait = deadlineNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    };

    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
