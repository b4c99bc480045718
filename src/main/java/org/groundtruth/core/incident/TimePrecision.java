package org.groundtruth.core.incident;

import org.groundtruth.core.Coded;

/** How precisely the time of an incident is known; the stored instant is meaningful to this unit. */
public enum TimePrecision implements Coded {
    MINUTE, HOUR, DAY, MONTH, UNKNOWN
}
