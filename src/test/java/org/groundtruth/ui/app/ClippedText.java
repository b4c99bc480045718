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
 * whose text was cut to an ellipsis, text fields too narrow for their value, empty text fields whose prompt is cut
 * (at any width), and controls that run
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
        if (node instanceof ScrollPane sp && sp.isFitToWidth() && sp.getContent() != null
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

    /** The fields (by id) whose prompt does not fit their width, whatever their preferred width; none when not built. */
    static List<String> promptsOf(Parent root, String... fieldIds) {
        List<String> found = new ArrayList<>();
        for (String id : fieldIds) {
            if (root.lookup("#" + id) instanceof TextField field && field.getWidth() > 0 && field.getPromptText() != null
                    && !field.getPromptText().isEmpty()) {
                Text measure = new Text(field.getPromptText());
                measure.setFont(field.getFont());
                double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
                if (measure.getLayoutBounds().getWidth() > room + 1) {
                    found.add("prompt cut: #" + id + " \"" + field.getPromptText() + "\" needs "
                            + Math.round(measure.getLayoutBounds().getWidth()) + " px, has " + Math.round(room));
                }
            }
        }
        return found;
    }

    /**
     * The cells of a table (by its id) that do not show their whole value: cut to an ellipsis, or wrapped onto more
     * lines than the row gives them.
     */
    static List<String> cellsOf(Parent root, String tableId) {
        List<String> found = new ArrayList<>();
        Node table = root.lookup("#" + tableId);
        if (table == null || !table.isVisible()) {
            found.add("not showing: #" + tableId);
            return found;
        }
        int checked = 0;
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                    && cell.getItem() != null && cell.getWidth() > 0) {
                checked++;
                String full = String.valueOf(cell.getItem());
                for (Node child : cell.getChildrenUnmodifiable()) {
                    if (child instanceof Text shown && child.getClass().getName().endsWith("LabeledText")) {
                        // A wrapped line break replaces a space: compare without white space.
                        boolean cut = !shown.getText().replaceAll("\\s+", "").equals(full.replaceAll("\\s+", ""));
                        if (cut || shown.getLayoutBounds().getHeight() > cell.getHeight() + 1) {
                            found.add("#" + tableId + " cell \"" + full + "\" shown as \"" + shown.getText() + "\" in "
                                    + Math.round(cell.getWidth()) + "x" + Math.round(cell.getHeight()) + " px");
                        }
                    }
                }
            }
        }
        if (checked == 0) {
            found.add("no cell with a value in #" + tableId);
        }
        return found;
    }

    /** The chain of nodes whose minimum width exceeds {@code room}: what pushes a scroll pane's content sideways. */
    private static String widest(Node node, double room) {
        return widest(node, room, false);
    }

    /** Below a titled pane (whose minimum width is its preferred one) the preferred widths are what push. */
    private static String widest(Node node, double room, boolean byPref) {
        if (node instanceof Parent parent) {
            Node widest = null;
            boolean pref = byPref || node instanceof javafx.scene.control.TitledPane;
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child.isVisible() && wide(child, pref) > room + 1 && (widest == null || wide(child, pref) > wide(widest, pref))) {
                    widest = child;
                }
            }
            if (widest != null) {
                return describe(node) + " > " + widest(widest, room, pref);
            }
        }
        return describe(node) + (byPref ? " pref " + Math.round(node.prefWidth(-1)) : " min " + Math.round(node.minWidth(-1)))
                + (node instanceof Labeled l ? " \"" + l.getText() + "\"" : "");
    }

    private static double wide(Node node, boolean byPref) {
        return byPref ? Math.max(node.minWidth(-1), node.prefWidth(-1)) : node.minWidth(-1);
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
        boolean empty = field.getText() == null || field.getText().isEmpty();
        if (empty && field.getPromptText() != null && !field.getPromptText().isEmpty() && field.getWidth() > 0) {
            // The prompt is all an empty field says about itself: it shows whole, however wide the field was made.
            Text prompt = new Text(field.getPromptText());
            prompt.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (prompt.getLayoutBounds().getWidth() > room + 1) {
                found.add("prompt cut: " + describe(field) + " \"" + field.getPromptText() + "\" needs "
                        + Math.round(prompt.getLayoutBounds().getWidth()) + " px, has " + Math.round(room));
                return;
            }
        }
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
