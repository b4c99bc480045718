package org.groundtruth.core.incident;

import org.groundtruth.core.Coded;

/** The means of attack as far as the footage shows it. */
public enum StrikeType implements Coded {
    FPV_DRONE, DROPPED_MUNITION, ARTILLERY, MISSILE, AERIAL_BOMB, MLRS, UNKNOWN
}
