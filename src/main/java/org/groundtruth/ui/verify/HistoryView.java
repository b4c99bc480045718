package org.groundtruth.ui.verify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.ui.common.I18n;

/** The incident's history from the custody log: who, when, what and why. */
public final class HistoryView extends TableView<AuditEntry> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public HistoryView(VerificationViewModel vm) {
        super(vm.history());
        setId("history-table");
        setPlaceholder(new Label(I18n.t("history.empty")));
        getColumns().add(column("history.when", 140, e -> TIME.format(e.at().atOffset(ZoneOffset.UTC)) + " UTC"));
        getColumns().add(column("history.who", 150, AuditEntry::actor));
        getColumns().add(column("history.what", 170, e -> I18n.t("AuditAction." + e.action().code()) + " \u00b7 "
                + I18n.tOr("EntityType." + e.entityType(), e.entityType())));
        getColumns().add(column("history.why", 260, AuditEntry::reason));
        getColumns().add(column("history.seq", 50, e -> String.valueOf(e.sequence())));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<AuditEntry, String> column(String key, double width,
            java.util.function.Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(I18n.t(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
