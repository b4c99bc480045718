package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.Ids;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.Investigation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map wired to a real investigation: markers follow the list, selection syncs both ways, pins load. */
class MapWorkAreaTest {
    @TempDir
    Path tmp;
    private Investigation investigation;
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final ObjectProperty<Incident> listSelection = new SimpleObjectProperty<>();

    @BeforeEach
    void open() {
        investigation = Investigation.open(tmp.resolve("ws"), new ContentInspector());
    }

    @AfterEach
    void close() {
        investigation.close();
    }

    @Test
    void markersSelectionAndPinsFollowTheWorkbench() {
        Incident kherson = investigation.incidents().create(MapViewModelTest.incident("Fire engine hit, Kherson",
                new LatLon(46.6354, 32.6169), VerificationStatus.GEOLOCATED), "analyst", "test");
        GeolocationPin pin = investigation.verification().addPin(new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX),
                kherson.id(), new LatLon(46.6356, 32.6171), 25, Optional.of(new CameraView(new LatLon(46.63, 32.61), 40, 35)),
                "matched the water tower", List.of(), "Blue Marble", Optional.<LocalDate>empty(), "analyst", false,
                Instant.parse("2025-07-07T10:00:00Z")), "analyst", "test");
        MapViewModel vm = MapWorkArea.connect(new InlineBackground(), incidents, listSelection, () -> Optional.of(investigation));
        try {
            assertThat(vm.markersProperty().get().size()).isZero();
            incidents.setAll(investigation.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL));
            assertThat(vm.markersProperty().get().size()).isEqualTo(1);

            listSelection.set(incidents.get(0));
            assertThat(vm.selectedIncidentProperty().get()).map(Incident::id).contains(kherson.id());
            assertThat(vm.pins()).extracting(GeolocationPin::id).containsExactly(pin.id());

            vm.select(Optional.empty());
            assertThat(listSelection.get()).isNull();
            assertThat(vm.pins()).isEmpty();
            vm.select(Optional.of(kherson));
            assertThat(listSelection.get()).isSameAs(incidents.get(0));
        } finally {
            vm.close();
        }
    }

    @Test
    void withoutAnInvestigationTheMapStillShowsTheList() {
        incidents.add(MapViewModelTest.incident("Ambulance", new LatLon(48, 37.8), VerificationStatus.UNVERIFIED));
        MapViewModel vm = MapWorkArea.connect(new InlineBackground(), incidents, listSelection, Optional::empty);
        try {
            assertThat(vm.markersProperty().get().size()).isEqualTo(1);
            listSelection.set(incidents.get(0));
            assertThat(vm.selectedIncidentProperty().get()).isPresent();
            assertThat(vm.pins()).isEmpty();
        } finally {
            vm.close();
        }
    }
}
