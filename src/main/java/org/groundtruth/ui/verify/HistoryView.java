package org.groundtruth.ui.verify;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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
        // Every cell wraps to its column (date over time, long reasons over several lines): in the incident column at
        // 1366×768 five single-line columns were each cut to "…".
        getColumns().add(column("history.when", 90, e -> TIME.format(e.at().atOffset(ZoneOffset.UTC)) + " UTC"));
        getColumns().add(column("history.who", 90, AuditEntry::actor));
        getColumns().add(column("history.what", 110, e -> I18n.t("AuditAction." + e.action().code()) + " \u00b7 "
                + I18n.tOr("EntityType." + e.entityType(), e.entityType())));
        getColumns().add(column("history.why", 160, AuditEntry::reason));
        TableColumn<AuditEntry, String> seq = column("history.seq", 44, e -> String.valueOf(e.sequence()));
        seq.setMinWidth(44);
        getColumns().add(seq);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // A wider or narrower column wraps to other line counts: let the rows measure their height again.
        getColumns().forEach(c -> c.widthProperty().addListener(o -> refresh()));
    }

    private static TableColumn<AuditEntry, String> column(String key, double width,
            java.util.function.Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(I18n.t(key));
        column.setPrefWidth(width);
        column.setMinWidth(40);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new WrappingCell());
        return column;
    }

    /** A cell whose text wraps to the column's width; the row grows to the tallest cell. */
    static final class WrappingCell extends TableCell<AuditEntry, String> {
        WrappingCell() {
            setWrapText(true);
            setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
        }

        @Override
        protected double computePrefHeight(double width) {
            // Asked with -1 by the row, a wrapping cell measures one line: measure at the column's width instead.
            double w = getTableColumn() == null ? width : getTableColumn().getWidth();
            return super.computePrefHeight(w);
        }
    }
}
