package org.groundtruth.ui.team;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.groundtruth.ui.common.I18n;

/** The status bar's team line: a summary (tooltip: the last sync or why the server was not reached) and Sync. */
public final class TeamStatusBar {
    private TeamStatusBar() {
    }

    public static HBox create(TeamStatusViewModel vm) {
        Label summary = new Label();
        summary.setId("team-status-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.detailProperty());
        summary.setTooltip(tip);
        Button sync = new Button(I18n.t("team.sync"));
        sync.setId("team-status-sync");
        sync.getStyleClass().add("small");
        sync.disableProperty().bind(vm.busyProperty());
        sync.setOnAction(e -> vm.sync());
        HBox box = new HBox(6, summary, sync);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.linkedProperty());
        box.managedProperty().bind(vm.linkedProperty());
        return box;
    }
}
