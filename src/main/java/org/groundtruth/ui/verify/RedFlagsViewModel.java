package org.groundtruth.ui.verify;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The red-flag panel of the selected incident: the checks recomputed in the background whenever the incident
 * changes, and explaining the selected flag (a rationale, logged). Flags cannot be hidden, only explained.
 */
public final class RedFlagsViewModel {
    private final Session session;
    private final Background background;
    private final ReadOnlyObjectProperty<Incident> incident;
    private final ObservableList<CheckedFlag> flags = FXCollections.observableArrayList();
    private final ObjectProperty<CheckedFlag> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public RedFlagsViewModel(Session session, Background background, ReadOnlyObjectProperty<Incident> incident) {
        this.session = session;
        this.background = background;
        this.incident = incident;
        incident.addListener((o, was, now) -> refresh());
    }

    public void refresh() {
        Optional<Investigation> open = session.investigation();
        Incident current = incident.get();
        if (open.isEmpty() || current == null) {
            flags.clear();
            message.set("");
            return;
        }
        String id = current.id();
        background.run(I18n.t("task.checks"), p -> open.get().checks().check(id), found -> {
            if (incident.get() != null && incident.get().id().equals(id)) {
                flags.setAll(found);
                message.set(summary(found));
            }
        }, error -> message.set(Errors.message(error)));
    }

    /** Explains the selected flag with {@code rationale}; the flag stays listed with its explanation. */
    public void explainSelected(String rationale) {
        CheckedFlag flag = selected.get();
        Optional<Investigation> open = session.investigation();
        if (flag == null || open.isEmpty() || incident.get() == null) {
            message.set(I18n.t("flags.selectFirst"));
            return;
        }
        if (rationale == null || rationale.isBlank()) {
            message.set(I18n.t("flags.rationaleRequired"));
            return;
        }
        String id = incident.get().id();
        background.run(I18n.t("task.checks"), p -> open.get().checks().explain(id, flag.flag().kind(),
                flag.flag().evidenceId(), rationale, session.analyst()), explained -> {
                    message.set(I18n.t("verify.saved"));
                    refresh();
                }, error -> message.set(Errors.message(error)));
    }

    static String summary(List<CheckedFlag> found) {
        long blocking = found.stream().filter(CheckedFlag::blocksVerification).count();
        if (found.isEmpty()) {
            return I18n.t("flags.none");
        }
        return I18n.t("flags.summary", found.size(), blocking);
    }

    public ObservableList<CheckedFlag> flags() {
        return flags;
    }

    public ObjectProperty<CheckedFlag> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
