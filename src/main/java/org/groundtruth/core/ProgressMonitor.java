package org.groundtruth.core;

/** Lets long work report how far it got and notice that the user cancelled it. */
public interface ProgressMonitor {
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** @param total the amount of work, or -1 when unknown */
    void progress(long done, long total);

    boolean isCancelled();
}
