package org.groundtruth.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps labels, buttons, choices, short fields and column headers whole on a small screen (1366x768): a layout that
 * runs out of room shrinks the flexible parts (the map, a field's extra width) or scrolls, and never cuts a word
 * to an ellipsis. Applied once to a view after it is built; explicit minimum sizes set by a view are kept.
 */
public final class WholeText {
    /** Room a column header needs around its text (padding and the sort arrow). */
    private static final double HEADER_PADDING = 30;
    /** Fields are never squeezed below this many average characters. */
    private static final int FIELD_MIN_COLUMNS = 6;

    private WholeText() {
    }

    public static void keep(Node root) {
        if (root instanceof IndexedCell<?>) {
            return; // a list or table row: data, widened or scrolled by the investigator
        }
        if (root instanceof Labeled labeled && !labeled.isWrapText() && !labeled.textProperty().isBound()
                && labeled.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            // Words the view wrote (form labels, buttons); a bound label shows data, which may be any length.
            labeled.setMinWidth(Region.USE_PREF_SIZE);
        } else if (root instanceof ComboBoxBase<?> box && !box.isEditable() && !(root instanceof javafx.scene.control.DatePicker)
                && box.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            box.setMinWidth(Region.USE_PREF_SIZE);
        } else if (root instanceof TextField field && field.getMinWidth() == Region.USE_COMPUTED_SIZE) {
            field.setMinWidth(Math.min(field.getPrefColumnCount(), FIELD_MIN_COLUMNS) * 7.0 + 16);
        } else if (root instanceof TableView<?> table) {
            table.getColumns().forEach(WholeText::header);
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                keep(child);
            }
        }
        if (root instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
            keep(scroll.getContent());
        } else if (root instanceof javafx.scene.control.TitledPane titled && titled.getContent() != null) {
            keep(titled.getContent());
        } else if (root instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> keep(t.getContent()));
        } else if (root instanceof javafx.scene.control.SplitPane split) {
            split.getItems().forEach(WholeText::keep);
        } else if (root instanceof javafx.scene.control.ToolBar bar) {
            bar.getItems().forEach(WholeText::keep);
        }
    }

    private static void header(TableColumnBase<?, ?> column) {
        if (column.getText() != null && !column.getText().isBlank()) {
            Text measure = new Text(column.getText());
            measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                    Math.max(14, Font.getDefault().getSize())));
            double needed = Math.ceil(measure.getLayoutBounds().getWidth() + HEADER_PADDING);
            if (column.getMinWidth() < needed) {
                column.setMinWidth(needed);
            }
            if (column.getPrefWidth() < needed) {
                column.setPrefWidth(needed);
            }
        }
        column.getColumns().forEach(WholeText::header);
    }
}
