package org.groundtruth.core.incident;

import org.groundtruth.core.Coded;

/** What was hit. */
public enum TargetType implements Coded {
    FIRE_ENGINE, AMBULANCE, RESCUE_VEHICLE, EMERGENCY_PERSONNEL, MEDICAL_FACILITY, CIVILIAN_VEHICLE, OTHER
}
