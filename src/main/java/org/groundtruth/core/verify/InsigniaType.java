package org.groundtruth.core.verify;

import org.groundtruth.core.Coded;

/** Markings that identify a protected vehicle or person; NONE_VISIBLE records that an analyst looked and saw none. */
public enum InsigniaType implements Coded {
    DSNS_EMBLEM, AMBULANCE_MARKINGS, RED_CROSS, RED_CRESCENT, RESCUE_LETTERING, MUNICIPAL_RESCUE, POLICE,
    MILITARY, NONE_VISIBLE, OTHER
}
