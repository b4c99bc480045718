package org.groundtruth.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class StartupProbeTest {
    @Test
    void offUnlessThePropertyTurnsItOn() {
        // The test JVM is not started with -Dgroundtruth.startupProbe: the probe prints nothing and never exits.
        assertFalse(StartupProbe.enabled());
        assertEquals(StartupProbe.Mode.OFF, StartupProbe.Mode.of(null));
        assertEquals(StartupProbe.Mode.OFF, StartupProbe.Mode.of(""));
        assertEquals(StartupProbe.Mode.OFF, StartupProbe.Mode.of("false"));
        assertEquals(StartupProbe.Mode.OFF, StartupProbe.Mode.of("yes please"));
    }

    @Test
    void printsOrExitsWhenAsked() {
        assertEquals(StartupProbe.Mode.PRINT, StartupProbe.Mode.of("true"));
        assertEquals(StartupProbe.Mode.PRINT, StartupProbe.Mode.of(" TRUE "));
        assertEquals(StartupProbe.Mode.PRINT, StartupProbe.Mode.of("print"));
        assertEquals(StartupProbe.Mode.EXIT, StartupProbe.Mode.of("exit"));
    }

    @Test
    void oneMachineReadableLinePerEvent() {
        assertEquals("groundtruth-startup window 1234", StartupProbe.line("window", 1234));
        assertEquals("groundtruth-startup map 0", StartupProbe.line("map", 0));
    }

    @Test
    void offCallsDoNothing() {
        // Off, the map canvas's call on every frame neither prints nor ends the test JVM.
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            StartupProbe.mapDrawn();
            StartupProbe.mapDrawn();
        } finally {
            System.setOut(out);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
