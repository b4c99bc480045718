package org.groundtruth.ui.incident;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.ui.common.I18n;

/** The left column: search box, filters and the incident list. */
public final class IncidentListView extends VBox {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public IncidentListView(IncidentListViewModel vm) {
        getStyleClass().add("incident-list");
        setSpacing(6);
        setPadding(new Insets(8));

        TextField search = new TextField();
        search.setId("incident-search");
        search.setPromptText(I18n.t("list.searchPrompt"));
        search.setTooltip(new javafx.scene.control.Tooltip(I18n.t("list.searchTip")));
        search.textProperty().bindBidirectional(vm.searchTextProperty());

        ComboBox<IncidentListViewModel.StatusChoice> status = new ComboBox<>();
        status.setId("status-filter");
        status.getItems().setAll(IncidentListViewModel.statusChoices());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);

        DatePicker from = new DatePicker();
        from.setId("from-date");
        from.setPromptText(I18n.t("filter.from"));
        from.valueProperty().bindBidirectional(vm.fromDateProperty());
        DatePicker to = new DatePicker();
        to.setId("to-date");
        to.setPromptText(I18n.t("filter.to"));
        to.valueProperty().bindBidirectional(vm.toDateProperty());
        HBox dates = new HBox(6, from, to);
        HBox.setHgrow(from, Priority.ALWAYS);
        HBox.setHgrow(to, Priority.ALWAYS);

        ListView<Incident> list = new ListView<>(vm.incidents());
        list.setId("incident-list");
        list.setCellFactory(v -> new IncidentCell(vm.conflicted()));
        vm.conflicted().addListener((javafx.collections.SetChangeListener<String>) change -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !vm.incidents().contains(vm.selectedProperty().get())) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
                if (was == null || !was.id().equals(now.id())) {
                    list.scrollTo(now); // a new choice is brought into view; the same one after a reload stays put
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(vm.messageProperty());

        getChildren().addAll(search, status, dates, list, count);
        setMinWidth(260);
    }

    /** Two lines per incident: title, then date, status and place. */
    private static final class IncidentCell extends ListCell<Incident> {
        private final java.util.Set<String> conflicted;

        IncidentCell(java.util.Set<String> conflicted) {
            this.conflicted = conflicted;
            // Size to the list, never wider: long titles end in an ellipsis instead of a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Incident incident, boolean empty) {
            super.updateItem(incident, empty);
            if (empty || incident == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(incident.title());
            title.getStyleClass().add("incident-title");
            Label detail = new Label(incident.occurredAt().map(t -> DATE.format(t.atOffset(ZoneOffset.UTC)) + " UTC")
                    .orElse(I18n.t("list.noTime")) + " \u00b7 " + I18n.label(incident.status())
                    + (incident.placeName().isEmpty() ? "" : " \u00b7 " + incident.placeName()));
            detail.getStyleClass().add("muted");
            Region badge = new Region();
            badge.getStyleClass().addAll("status-badge", "status-" + incident.status().code().replace('_', '-'));
            badge.setMinSize(10, 10);
            badge.setMaxSize(10, 10);
            VBox text = new VBox(2, title, detail);
            HBox row = new HBox(8, badge, text);
            if (conflicted.contains(incident.id())) {
                Label flag = new Label(I18n.t("list.teamConflict"));
                flag.getStyleClass().add("team-conflict-flag");
                flag.setTooltip(new javafx.scene.control.Tooltip(I18n.t("list.teamConflict.tip")));
                text.getChildren().add(flag);
            }
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
