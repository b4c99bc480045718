package org.groundtruth.ui.incident;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The incident list: full-text search, status and date filters, and the selection the rest of the window
 * follows. Queries run in the background; a result that arrives after a newer query was started is dropped.
 */
public final class IncidentListViewModel {
    /** A status filter choice; empty means every status. */
    public record StatusChoice(Optional<VerificationStatus> status) {
        @Override
        public String toString() {
            return status.map(I18n::label).orElse(I18n.t("filter.allStatuses"));
        }
    }

    private final Session session;
    private final Background background;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(new StatusChoice(Optional.empty()));
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final javafx.collections.ObservableSet<String> conflicted = javafx.collections.FXCollections.observableSet();
    private final ObjectProperty<Incident> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private long generation;

    public IncidentListViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        searchText.addListener((o, was, now) -> refresh());
        status.addListener((o, was, now) -> refresh());
        fromDate.addListener((o, was, now) -> refresh());
        toDate.addListener((o, was, now) -> refresh());
        session.investigationProperty().addListener((o, was, now) -> {
            selected.set(null);
            refresh();
        });
    }

    public static List<StatusChoice> statusChoices() {
        List<StatusChoice> choices = new java.util.ArrayList<>();
        choices.add(new StatusChoice(Optional.empty()));
        for (VerificationStatus s : VerificationStatus.values()) {
            choices.add(new StatusChoice(Optional.of(s)));
        }
        return choices;
    }

    /** Reloads the list; keeps the selection when the selected incident is still listed. */
    public void refresh() {
        refreshAndSelect(Optional.ofNullable(selected.get()).map(Incident::id));
    }

    public void refreshAndSelect(Optional<String> selectId) {
        if (session.investigation().isEmpty()) {
            incidents.clear();
            return;
        }
        var investigation = session.investigation().get();
        IncidentQuery query = query();
        long mine = ++generation;
        background.run(I18n.t("task.search"), progress -> new Found(investigation.incidents().list(query),
                investigation.team().conflictedIncidents()), result -> {
            if (mine != generation) {
                return;
            }
            List<Incident> found = result.incidents();
            conflicted.clear();
            conflicted.addAll(result.conflicted());
            if (!found.equals(incidents)) {
                incidents.setAll(found);
            }
            selected.set(selectId.flatMap(id -> found.stream().filter(i -> i.id().equals(id)).findFirst()).orElse(null));
            message.set(I18n.t("list.count", found.size()));
        }, error -> message.set(Errors.message(error)));
    }

    IncidentQuery query() {
        Optional<LocalDate> from = Optional.ofNullable(fromDate.get());
        Optional<LocalDate> to = Optional.ofNullable(toDate.get());
        return new IncidentQuery(Optional.ofNullable(searchText.get()),
                status.get() == null ? Set.of() : status.get().status().map(Set::of).orElse(Set.of()),
                from.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)),
                to.map(d -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    private record Found(List<Incident> incidents, Set<String> conflicted) {
    }

    /** Incidents flagged by an open team conflict (issue 17): both values wait in File ▸ Team. */
    public javafx.collections.ObservableSet<String> conflicted() {
        return conflicted;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> fromDateProperty() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDateProperty() {
        return toDate;
    }

    public ObservableList<Incident> incidents() {
        return incidents;
    }

    public ObjectProperty<Incident> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
