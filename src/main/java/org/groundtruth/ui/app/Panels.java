package org.groundtruth.ui.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import org.groundtruth.ui.common.I18n;

/**
 * The window's three columns made collapsible: the incident list and the incident's details can each be hidden,
 * and one key (F11) gives the work area (map, video) the whole window and brings the columns back as they were.
 */
final class Panels {
    private final SplitPane columns;
    private final Node list;
    private final Node work;
    private final Node details;
    private final BooleanProperty listShown = new SimpleBooleanProperty(true);
    private final BooleanProperty detailsShown = new SimpleBooleanProperty(true);
    /** The dividers while all three columns were shown, restored when they are again. */
    private double[] allThree;
    private boolean updating;

    Panels(SplitPane columns, Node list, Node work, Node details) {
        this.columns = columns;
        this.list = list;
        this.work = work;
        this.details = details;
        this.allThree = columns.getDividerPositions();
        listShown.addListener((o, was, now) -> apply());
        detailsShown.addListener((o, was, now) -> apply());
    }

    BooleanProperty listShownProperty() {
        return listShown;
    }

    BooleanProperty detailsShownProperty() {
        return detailsShown;
    }

    /** True when the work area has the whole window. */
    boolean isWorkAreaFull() {
        return !listShown.get() && !detailsShown.get();
    }

    /** F11: the work area alone, or the columns back. */
    void toggleFullWorkArea() {
        boolean full = isWorkAreaFull();
        updating = true;
        listShown.set(full);
        updating = false;
        detailsShown.set(full);
    }

    /** The View menu: the two columns and the full-window work area, with their keys. */
    Menu menu() {
        CheckMenuItem showList = new CheckMenuItem(I18n.t("menu.showList"));
        showList.setId("menu-show-list");
        showList.selectedProperty().bindBidirectional(listShown);
        showList.setAccelerator(KeyCombination.keyCombination("Shortcut+1"));
        CheckMenuItem showDetails = new CheckMenuItem(I18n.t("menu.showDetails"));
        showDetails.setId("menu-show-details");
        showDetails.selectedProperty().bindBidirectional(detailsShown);
        showDetails.setAccelerator(KeyCombination.keyCombination("Shortcut+2"));
        javafx.scene.control.MenuItem full = new javafx.scene.control.MenuItem(I18n.t("menu.fullWorkArea"));
        full.setId("menu-full-work-area");
        full.setAccelerator(KeyCombination.keyCombination("F11"));
        full.setOnAction(e -> toggleFullWorkArea());
        return new Menu(I18n.t("menu.view"), null, showList, showDetails, new javafx.scene.control.SeparatorMenuItem(), full);
    }

    private void apply() {
        if (updating) {
            return;
        }
        if (columns.getItems().size() == 3) {
            allThree = columns.getDividerPositions();
        }
        List<Node> shown = new ArrayList<>();
        if (listShown.get()) {
            shown.add(list);
        }
        shown.add(work);
        if (detailsShown.get()) {
            shown.add(details);
        }
        columns.getItems().setAll(shown);
        if (shown.size() == 3) {
            columns.setDividerPositions(allThree);
        } else if (shown.size() == 2 && allThree.length == 2) {
            // The column that stays keeps its width; the work area takes the hidden one's.
            columns.setDividerPositions(listShown.get() ? allThree[0] : allThree[1]);
        }
    }
}
