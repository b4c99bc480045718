package org.groundtruth.core.verify;

import org.groundtruth.core.Coded;

/** How two evidence items relate. */
public enum CorroborationRelation implements Coded {
    SAME_VEHICLE, SAME_LOCATION, SAME_EVENT, CONTRADICTS
}
