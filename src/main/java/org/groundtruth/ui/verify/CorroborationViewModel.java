package org.groundtruth.ui.verify;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/** Links between two evidence items (same scene, same event, contradicts …) and their side-by-side comparison. */
public final class CorroborationViewModel {
    /** Both items of a corroboration with their originals in the vault. */
    record Pair(EvidenceItem a, java.nio.file.Path originalA, EvidenceItem b, java.nio.file.Path originalB) {
    }

    private final IncidentSnapshotLoader loader;

    CorroborationViewModel(IncidentSnapshotLoader loader) {
        this.loader = loader;
    }

    public void link(EvidenceItem a, EvidenceItem b, CorroborationRelation relation, String note) {
        Corroboration link;
        try {
            link = new Corroboration(Ids.next(Corroboration.ID_PREFIX), a.id(), b.id(), relation, note,
                    loader.session().analyst(), Instant.now());
        } catch (IllegalArgumentException e) {
            loader.messageProperty().set(Errors.message(e));
            return;
        }
        loader.change(I18n.t("task.link"), inv -> {
            inv.verification().addCorroboration(link, loader.session().analyst(), note);
            return inv.incidents().get(loader.id());
        });
    }

    /** Looks up both sides of {@code link} in the background (one may belong to another incident). */
    void comparison(Corroboration link, Consumer<Pair> open) {
        Optional<Investigation> inv = loader.session().investigation();
        if (inv.isEmpty()) {
            return;
        }
        loader.background().run(I18n.t("sideBySide.loading"), p -> {
            EvidenceItem a = inv.get().evidence().find(link.evidenceA()).orElseThrow(
                    () -> new BadInputException("unknown evidence id: " + link.evidenceA()));
            EvidenceItem b = inv.get().evidence().find(link.evidenceB()).orElseThrow(
                    () -> new BadInputException("unknown evidence id: " + link.evidenceB()));
            return new Pair(a, inv.get().evidence().originalPath(a), b, inv.get().evidence().originalPath(b));
        }, open, error -> loader.messageProperty().set(Errors.message(error)));
    }

    public ObservableList<Corroboration> corroborations() { return loader.corroborations(); }
}
