package org.groundtruth.ui.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.media.DuplicateFinder;
import org.groundtruth.media.DuplicateFinder.DuplicatePair;
import org.groundtruth.media.EvidenceHashes;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;

/** "Possible duplicates" across the investigation: pairs of items whose perceptual hashes are close. */
public final class DuplicatesViewModel {
    /** A pair as shown: both items and the number of differing bits. */
    public record Row(EvidenceItem first, EvidenceItem second, int distance) {
    }

    private final Background background;
    private final EvidenceAccess access;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final int maxDistance;

    public DuplicatesViewModel(Background background, EvidenceAccess access) {
        this(background, access, DuplicateFinder.DEFAULT_MAX_DISTANCE);
    }

    public DuplicatesViewModel(Background background, EvidenceAccess access, int maxDistance) {
        this.background = background;
        this.access = access;
        this.maxDistance = maxDistance;
    }

    /** Compares every item of the open investigation in the background. */
    public void refresh() {
        if (access.investigation().isEmpty()) {
            rows.clear();
            message.set(EvidenceText.t("dup.needsInvestigation"));
            return;
        }
        busy.set(true);
        background.run(EvidenceText.t("task.findDuplicates"), p -> {
            List<EvidenceItem> items = access.all();
            Map<String, EvidenceItem> byId = items.stream().collect(Collectors.toMap(EvidenceItem::id, Function.identity()));
            var hashed = items.stream().map(EvidenceHashes::of).toList();
            List<DuplicatePair> pairs = new DuplicateFinder(maxDistance).find(hashed);
            long compared = hashed.stream().filter(h -> !h.hashes().isEmpty()).count();
            return new Found(pairs.stream().map(d -> new Row(byId.get(d.first().id()), byId.get(d.second().id()),
                    d.distance())).toList(), compared);
        }, found -> {
            busy.set(false);
            rows.setAll(found.rows());
            message.set(found.rows().isEmpty() ? EvidenceText.t("dup.none", found.compared())
                    : EvidenceText.t("dup.found", found.rows().size(), maxDistance, found.compared()));
        }, error -> {
            busy.set(false);
            message.set(Errors.message(error));
        });
    }

    private record Found(List<Row> rows, long compared) {
    }

    public Optional<Row> pairFor(EvidenceItem item) {
        return rows.stream().filter(r -> r.first().id().equals(item.id()) || r.second().id().equals(item.id())).findFirst();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
