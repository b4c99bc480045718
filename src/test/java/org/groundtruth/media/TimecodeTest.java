package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimecodeTest {
    @Test
    void formatsAndParses() {
        assertThat(Timecode.format(62.345)).isEqualTo("00:01:02.345");
        assertThat(Timecode.format(3723.5)).isEqualTo("01:02:03.500");
        assertThat(Timecode.parseSeconds("00:01:02.345")).contains(62.345);
        assertThat(Timecode.parseSeconds("1:02,5")).contains(62.5);
        assertThat(Timecode.parseSeconds("12.5")).contains(12.5);
        assertThat(Timecode.parseSeconds("1:75")).isEmpty();
        assertThat(Timecode.parseSeconds("soon")).isEmpty();
    }

    @Test
    void frameAtTimeCountsWholeFrames() {
        assertThat(Timecode.frameAt(0.4, 25)).isEqualTo(10);
        assertThat(Timecode.frameAt(0.399, 25)).isEqualTo(9);
        assertThat(Timecode.frameAt(1.0, 30000 / 1001.0)).isEqualTo(29);
    }
}
