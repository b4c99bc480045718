package org.groundtruth.ui.app;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The first frame holds only the tabs on screen: the content of every other tab is built (and wired) as before but
 * joins the scene when its tab is first selected, so the window's first CSS and layout pass (most of its start-up
 * on the FX thread) covers what is shown, not every form, chart and viewer behind a tab (docs/decisions/1370).
 */
final class DeferredTabs {
    private DeferredTabs() {
    }

    /** Detaches the content of every tab of {@code tabs} but the selected one until that tab is selected. */
    static void untilSelected(TabPane tabs) {
        Map<Tab, Node> waiting = new HashMap<>();
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        for (Tab tab : tabs.getTabs()) {
            if (tab != selected && tab.getContent() != null) {
                waiting.put(tab, tab.getContent());
                tab.setContent(null);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            Node content = waiting.remove(now);
            // Content another feature put there meanwhile (the map moved beside the viewer) wins over the kept one.
            if (content != null && now.getContent() == null) {
                now.setContent(content);
            }
        });
    }
}
