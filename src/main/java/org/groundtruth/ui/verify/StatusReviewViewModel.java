package org.groundtruth.ui.verify;

import javafx.collections.ObservableList;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.I18n;

/** The incident's verification status, its reviews (approve / reject by a second analyst) and its history. */
public final class StatusReviewViewModel {
    private final IncidentSnapshotLoader loader;

    StatusReviewViewModel(IncidentSnapshotLoader loader) {
        this.loader = loader;
    }

    public void changeStatus(VerificationStatus target, String rationale) {
        loader.change(I18n.t("task.status"), inv -> inv.workflow().setStatus(loader.id(), target, rationale,
                loader.session().analyst()));
    }

    public void approve(String rationale) {
        loader.change(I18n.t("task.review"), inv -> inv.workflow().approve(loader.id(), loader.session().analyst(),
                rationale));
    }

    public void reject(String rationale) {
        loader.change(I18n.t("task.review"), inv -> inv.workflow().reject(loader.id(), loader.session().analyst(),
                rationale));
    }

    public ObservableList<Review> reviews() { return loader.reviews(); }
    public ObservableList<AuditEntry> history() { return loader.history(); }
}
