package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundtruth.map.basemap.BasemapBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapsDirectoryTest {
    @AfterEach
    void clear() {
        System.clearProperty(MapsDirectory.PROPERTY);
    }

    @Test
    void findsTheRepositorysMapsFromTheWorkingDirectory() {
        assertThat(MapsDirectory.locate()).contains(Path.of("maps").toAbsolutePath().normalize());
    }

    @Test
    void theSystemPropertyWinsWhenItHoldsABasemap(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve(BasemapBuilder.FILE_NAME));
        System.setProperty(MapsDirectory.PROPERTY, dir.toString());
        assertThat(MapsDirectory.locate()).contains(dir.toAbsolutePath().normalize());
    }

    @Test
    void aPropertyPointingAtNothingFallsBackAndIsListed(@TempDir Path dir) {
        System.setProperty(MapsDirectory.PROPERTY, dir.resolve("nowhere").toString());
        assertThat(MapsDirectory.locate()).contains(Path.of("maps").toAbsolutePath().normalize());
        assertThat(MapsDirectory.candidates()).first().isEqualTo(dir.resolve("nowhere"));
    }
}
