package org.groundtruth.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DistancesTest {
    @AfterEach
    void metric() {
        Distances.useImperial(false);
    }

    @Test
    void metricByDefaultImperialWhenChosen() {
        assertThat(Distances.format(120)).isEqualTo("120.0 m");
        assertThat(Distances.format(2500)).isEqualTo("2.500 km");
        Distances.useImperial(true);
        assertThat(Distances.format(120)).isEqualTo("394 ft");
        assertThat(Distances.format(3218.688)).isEqualTo("2.00 mi");
    }
}
