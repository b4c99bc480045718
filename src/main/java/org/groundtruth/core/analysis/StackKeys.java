package org.groundtruth.core.analysis;

/** Stack keys shared by the in-memory and SQL paths. */
public final class StackKeys {
    /** The stack of incidents that have no value for the stacking dimension (a blank region). */
    public static final String NONE = "(none)";

    private StackKeys() {
    }
}
