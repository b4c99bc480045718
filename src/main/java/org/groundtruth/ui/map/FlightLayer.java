package org.groundtruth.ui.map;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.OrderChoice;

/**
 * What the map draws for the evidence item on screen: a video's flight track with the drone at the current frame
 * and the camera's ground footprint there, or a photo's position (and direction) from its GPS; a one-line caption;
 * "Suggest pin" and the field of view to ask for. Filled by the evidence side; the map only draws it and reports
 * clicks on the track. No toolkit needed.
 */
public final class FlightLayer {
    /** A photo's position from its metadata, with the compass direction it was taken in when the file says. */
    public record PhotoMarker(LatLon position, Optional<Double> directionDegrees, String label) {
        public PhotoMarker {
            Require.present(position, "position");
            Require.present(directionDegrees, "direction");
            Require.text(label, "label", 300);
        }
    }

    private final ObjectProperty<List<LatLon>> track = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Optional<LatLon>> drone = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<Double>> droneHeading = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<List<LatLon>> footprint = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Optional<LatLon>> footprintCentre = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<PhotoMarker>> photo = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty caption = new SimpleStringProperty("");
    private final BooleanProperty canSuggestPin = new SimpleBooleanProperty(false);
    private final BooleanProperty needsFieldOfView = new SimpleBooleanProperty(false);
    private final ObjectProperty<OrderChoice> orderChoice = new SimpleObjectProperty<>(OrderChoice.AUTO);
    private final BooleanProperty canChooseOrder = new SimpleBooleanProperty(false);
    private final StringProperty orderRule = new SimpleStringProperty("");
    private final StringProperty orderReason = new SimpleStringProperty("");
    private Consumer<OrderChoice> onOrderChosen = choice -> { };
    private Consumer<Integer> onTrackClicked = index -> { };
    private Runnable onSuggestPin = () -> { };
    private DoubleConsumer onFieldOfView = fov -> { };

    /** The flight path, in sample order. */
    public ObjectProperty<List<LatLon>> trackProperty() {
        return track;
    }

    /** The drone at the current frame. */
    public ObjectProperty<Optional<LatLon>> droneProperty() {
        return drone;
    }

    /** The camera's yaw at the current frame, degrees from north, when known. */
    public ObjectProperty<Optional<Double>> droneHeadingProperty() {
        return droneHeading;
    }

    /** The footprint's corners (top-left, top-right, bottom-right, bottom-left) at the current frame, or none. */
    public ObjectProperty<List<LatLon>> footprintProperty() {
        return footprint;
    }

    public ObjectProperty<Optional<LatLon>> footprintCentreProperty() {
        return footprintCentre;
    }

    public ObjectProperty<Optional<PhotoMarker>> photoProperty() {
        return photo;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public BooleanProperty canSuggestPinProperty() {
        return canSuggestPin;
    }

    /** True when the track has camera angles and height but the camera's field of view is unknown: ask for it. */
    public BooleanProperty needsFieldOfViewProperty() {
        return needsFieldOfView;
    }

    /** The order of old DJI GPS(a,b) lines the investigator recorded for the shown track ({@code AUTO}: reasoning). */
    public ObjectProperty<OrderChoice> orderChoiceProperty() {
        return orderChoice;
    }

    /** True when the shown track has old GPS(a,b) lines from an SRT item, so its order can be chosen. */
    public BooleanProperty canChooseOrderProperty() {
        return canChooseOrder;
    }

    /** The order used and the rule that decided it, in a few words (empty when the track has no GPS(a,b) lines). */
    public StringProperty orderRuleProperty() {
        return orderRule;
    }

    /** Why the rule decided so, and who set an override when. */
    public StringProperty orderReasonProperty() {
        return orderReason;
    }

    /** Who hears the investigator's choice of order (it is recorded in the custody log, then the track re-read). */
    public void setOnOrderChosen(Consumer<OrderChoice> handler) {
        onOrderChosen = Require.present(handler, "order handler");
    }

    /** The investigator chose {@code choice}; nothing happens when it is the current one. */
    public void chooseOrder(OrderChoice choice) {
        if (choice != null && choice != orderChoice.get() && canChooseOrder.get()) {
            onOrderChosen.accept(choice);
        }
    }

    public boolean isEmpty() {
        return track.get().isEmpty() && photo.get().isEmpty();
    }

    /** Removes everything (no item shown). */
    public void clear() {
        track.set(List.of());
        drone.set(Optional.empty());
        droneHeading.set(Optional.empty());
        footprint.set(List.of());
        footprintCentre.set(Optional.empty());
        photo.set(Optional.empty());
        caption.set("");
        canSuggestPin.set(false);
        needsFieldOfView.set(false);
        orderChoice.set(OrderChoice.AUTO);
        canChooseOrder.set(false);
        orderRule.set("");
        orderReason.set("");
    }

    /** Who hears a click on the track: the index of the sample clicked (the video seeks to its frame). */
    public void setOnTrackClicked(Consumer<Integer> handler) {
        onTrackClicked = Require.present(handler, "track click handler");
    }

    public void setOnSuggestPin(Runnable handler) {
        onSuggestPin = Require.present(handler, "suggest pin handler");
    }

    public void setOnFieldOfView(DoubleConsumer handler) {
        onFieldOfView = Require.present(handler, "field of view handler");
    }

    /** A click on the track at sample {@code index} (the map calls it; the evidence side seeks there). */
    public void trackClicked(int index) {
        onTrackClicked.accept(index);
    }

    public void suggestPin() {
        onSuggestPin.run();
    }

    /** The analyst's horizontal field of view for this camera, degrees. */
    public void fieldOfView(double degrees) {
        onFieldOfView.accept(degrees);
    }
}
