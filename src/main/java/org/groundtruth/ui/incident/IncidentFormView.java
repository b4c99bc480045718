package org.groundtruth.ui.incident;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** The incident detail form: every field of the incident, a reason for the custody log, and Save. */
public final class IncidentFormView extends VBox {
    private final GridPane grid = new GridPane();
    private int row;

    public IncidentFormView(IncidentFormViewModel vm, Consumer<Incident> onSaved) {
        getStyleClass().add("incident-form");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        Label id = new Label();
        id.getStyleClass().add("muted");
        id.textProperty().bind(vm.idProperty());
        add("form.id", id);
        add("form.title", text("field-title", vm.titleProperty(), ""));
        TextArea description = new TextArea();
        description.setId("field-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        add("form.description", description);
        HBox time = new HBox(6, text("field-occurred-at", vm.occurredAtProperty(), I18n.t("form.timePrompt")),
                choice("field-time-precision", TimePrecision.values(), vm.timePrecisionProperty()));
        add("form.occurredAt", time);
        add("form.place", text("field-place", vm.placeNameProperty(), I18n.t("form.placePrompt")));
        add("form.admin1", text("field-admin1", vm.admin1Property(), ""));
        add("form.coordinates", text("field-coordinates", vm.coordinatesProperty(), I18n.t("form.coordinatesPrompt")));
        add("form.targetType", choice("field-target-type", TargetType.values(), vm.targetTypeProperty()));
        add("form.strikeType", choice("field-strike-type", StrikeType.values(), vm.strikeTypeProperty()));
        add("form.strikeSequence", choice("field-strike-sequence", StrikeSequence.values(), vm.strikeSequenceProperty()));
        add("form.respondersCasualties", casualties(vm.killedRespondersProperty(), vm.injuredRespondersProperty(),
                "field-killed-responders", "field-injured-responders"));
        add("form.civilianCasualties", casualties(vm.killedCiviliansProperty(), vm.injuredCiviliansProperty(),
                "field-killed-civilians", "field-injured-civilians"));
        Label status = new Label();
        status.setId("field-status");
        status.textProperty().bind(vm.statusProperty().map(I18n::label));
        add("form.status", status);
        add("form.tags", text("field-tags", vm.tagsProperty(), I18n.t("form.tagsPrompt")));
        add("form.sensitivity", choice("field-sensitivity", Sensitivity.values(), vm.sensitivityProperty()));

        Button save = new Button(I18n.t("form.save"), Icon.SAVE.graphic());
        save.setId("save-incident");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.savingProperty().or(vm.readOnlyProperty()));
        save.setOnAction(e -> vm.save(onSaved));
        Label message = new Label();
        message.setId("form-message");
        message.setWrapText(true);
        // A refused save says why in full: the fields above scroll rather than the message being cut to "…".
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        // The reason sits beside Save, always visible: every save is a custody-log entry.
        TextField reason = text("field-reason", vm.reasonProperty(), I18n.t("form.reasonPrompt"));
        reason.setPrefColumnCount(24);
        HBox.setHgrow(reason, Priority.SOMETIMES);
        VBox actionsAndMessage = new VBox(4);
        Label reasonLabel = new Label(I18n.t("form.reason"));
        // The reason field gives up width first: the label and Save (icon and text) are never cut short.
        reasonLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, reasonLabel, reason, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        actionsAndMessage.getChildren().addAll(actions, message);
        actionsAndMessage.setPadding(new Insets(4, 8, 8, 8));

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scroll, actionsAndMessage);
    }

    private void add(String labelKey, Node field) {
        Label label = new Label(I18n.t(labelKey));
        label.setLabelFor(field);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(row++, label, field);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    private static TextField text(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static <E extends Enum<E> & Coded> ComboBox<E> choice(String id, E[] values, ObjectProperty<E> property) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(List.of(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : I18n.label(value);
            }

            @Override
            public E fromString(String text) {
                return null; // the choice is never typed in
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static HBox casualties(StringProperty killed, StringProperty injured, String killedId, String injuredId) {
        TextField k = text(killedId, killed, "");
        TextField i = text(injuredId, injured, "");
        k.setPrefColumnCount(4);
        i.setPrefColumnCount(4);
        HBox.setHgrow(k, Priority.NEVER);
        HBox.setHgrow(i, Priority.NEVER);
        HBox box = new HBox(6, new Label(I18n.t("form.killed")), k, new Label(I18n.t("form.injured")), i);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
