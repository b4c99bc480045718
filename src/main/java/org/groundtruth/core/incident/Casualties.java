package org.groundtruth.core.incident;

import org.groundtruth.core.Require;

/** Reported casualties, split between emergency responders and civilians. */
public record Casualties(int killedResponders, int injuredResponders, int killedCivilians, int injuredCivilians) {
    public static final Casualties NONE = new Casualties(0, 0, 0, 0);

    public Casualties {
        Require.nonNegative(killedResponders, "killed responders");
        Require.nonNegative(injuredResponders, "injured responders");
        Require.nonNegative(killedCivilians, "killed civilians");
        Require.nonNegative(injuredCivilians, "injured civilians");
    }

    public int killed() {
        return killedResponders + killedCivilians;
    }

    public int injured() {
        return injuredResponders + injuredCivilians;
    }
}
