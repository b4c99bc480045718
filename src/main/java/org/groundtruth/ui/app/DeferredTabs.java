package org.groundtruth.ui.app;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The first frame holds only the tabs on screen: the content of every other tab is built (and wired) as before but
 * joins the scene when its tab is first selected, so the window's first CSS and layout pass (most of its start-up
 * on the FX thread) covers what is shown, not every form, chart and viewer behind a tab (docs/decisions/1370).
 */
final class DeferredTabs {
    /** The tab's property holding its content until the tab is first selected. */
    private static final String WAITING = "groundtruth.deferredContent";

    private DeferredTabs() {
    }

    /** Detaches the content of every tab of {@code tabs} but the selected one until that tab is selected. */
    static void untilSelected(TabPane tabs) {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        boolean any = false;
        for (Tab tab : tabs.getTabs()) {
            if (tab != selected && tab.getContent() != null) {
                tab.getProperties().put(WAITING, tab.getContent());
                tab.setContent(null);
                any = true;
            }
        }
        if (any) {
            tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
                Object content = now == null ? null : now.getProperties().remove(WAITING);
                // Content another feature put there meanwhile (the map moved beside the viewer) wins over the kept one.
                if (content instanceof Node node && now.getContent() == null) {
                    now.setContent(node);
                }
            });
        }
    }
}
