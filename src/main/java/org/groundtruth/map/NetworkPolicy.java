package org.groundtruth.map;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The offline-only switch of the settings: while it is on, nothing in Groundtruth opens a network connection
 * (online tile sources serve only what is already in their disk cache).
 */
public final class NetworkPolicy {
    private static final AtomicBoolean OFFLINE_ONLY = new AtomicBoolean(false);

    private NetworkPolicy() {
    }

    public static void setOfflineOnly(boolean offline) {
        OFFLINE_ONLY.set(offline);
    }

    public static boolean isOfflineOnly() {
        return OFFLINE_ONLY.get();
    }
}
