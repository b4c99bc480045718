package org.groundtruth.ui.incident;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * The source report of one evidence item: where it was posted, by whom, when, and what the post said (with a
 * translation). Editing it is one logged change; an item without a source gets a new one.
 */
public final class SourceViewModel {
    private final Session session;
    private final Background background;
    private final ObjectProperty<EvidenceItem> item = new SimpleObjectProperty<>();
    private Optional<Source> loaded = Optional.empty();
    private final StringProperty platform = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty postUrl = new SimpleStringProperty("");
    private final StringProperty postId = new SimpleStringProperty("");
    private final StringProperty postedAt = new SimpleStringProperty("");
    private final StringProperty caption = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty("");
    private final StringProperty translation = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public SourceViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        item.addListener((o, was, now) -> load());
    }

    private void load() {
        EvidenceItem current = item.get();
        show(Optional.empty());
        message.set("");
        if (current == null || current.sourceId().isEmpty() || session.investigation().isEmpty()) {
            return;
        }
        var inv = session.investigation().get();
        background.run(I18n.t("task.loadSource"), p -> inv.evidence().source(current.sourceId().get()), found -> {
            if (current.equals(item.get())) {
                show(found);
            }
        }, error -> message.set(Errors.message(error)));
    }

    private void show(Optional<Source> source) {
        loaded = source;
        platform.set(source.map(Source::platform).orElse(""));
        account.set(source.map(Source::account).orElse(""));
        postUrl.set(source.map(Source::postUrl).orElse(""));
        postId.set(source.map(Source::postId).orElse(""));
        postedAt.set(source.flatMap(Source::postedAt)
                .map(t -> IncidentFormViewModel.TIME_FORMAT.format(t.atOffset(ZoneOffset.UTC))).orElse(""));
        caption.set(source.map(Source::caption).orElse(""));
        language.set(source.map(Source::language).orElse(""));
        translation.set(source.map(Source::translation).orElse(""));
    }

    public void save(String reason) {
        EvidenceItem current = item.get();
        if (current == null || session.investigation().isEmpty()) {
            message.set(I18n.t("source.chooseItem"));
            return;
        }
        Source source;
        try {
            source = new Source(loaded.map(Source::id).orElseGet(() -> Ids.next(Source.ID_PREFIX)), platform.get(),
                    account.get(), postUrl.get(), postId.get(), parseTime(postedAt.get()), caption.get(), language.get(),
                    translation.get());
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        var inv = session.investigation().get();
        String analyst = session.analyst();
        background.run(I18n.t("task.saveSource"), p -> inv.evidence().saveSource(current.id(), source, analyst, reason),
                saved -> {
                    loaded = Optional.of(saved);
                    message.set(I18n.t("source.saved"));
                }, error -> message.set(Errors.message(error)));
    }

    private static Optional<Instant> parseTime(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t.replace('T', ' '), IncidentFormViewModel.TIME_FORMAT)
                    .toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new BadInputException(I18n.t("form.error.time", t));
        }
    }

    public ObjectProperty<EvidenceItem> itemProperty() { return item; }
    public StringProperty platformProperty() { return platform; }
    public StringProperty accountProperty() { return account; }
    public StringProperty postUrlProperty() { return postUrl; }
    public StringProperty postIdProperty() { return postId; }
    public StringProperty postedAtProperty() { return postedAt; }
    public StringProperty captionProperty() { return caption; }
    public StringProperty languageProperty() { return language; }
    public StringProperty translationProperty() { return translation; }
    public StringProperty messageProperty() { return message; }

    /** True while the open investigation is read-only: the view turns its editing controls off. */
    public javafx.beans.property.ReadOnlyBooleanProperty readOnlyProperty() {
        return session.readOnlyProperty();
    }
}
