package org.groundtruth.ui.incident;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** The Sources tab: the source report of each of the incident's evidence items, editable. */
public final class SourceView extends ScrollPane {
    public SourceView(SourceViewModel vm, EvidenceListViewModel evidence) {
        ComboBox<EvidenceItem> item = new ComboBox<>(evidence.items());
        item.setId("source-item");
        item.setMaxWidth(Double.MAX_VALUE);
        item.setConverter(new StringConverter<>() {
            @Override
            public String toString(EvidenceItem e) {
                return e == null ? "" : e.originalName();
            }

            @Override
            public EvidenceItem fromString(String text) {
                return null; // chosen from the list, never typed
            }
        });
        item.valueProperty().bindBidirectional(vm.itemProperty());
        evidence.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                item.setValue(now);
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label(I18n.t("source.item")), item);
        grid.addRow(row++, new Label(I18n.t("source.platform")), field("source-platform", vm.platformProperty()));
        grid.addRow(row++, new Label(I18n.t("source.account")), field("source-account", vm.accountProperty()));
        grid.addRow(row++, new Label(I18n.t("source.url")), field("source-url", vm.postUrlProperty()));
        grid.addRow(row++, new Label(I18n.t("source.postId")), field("source-post-id", vm.postIdProperty()));
        TextField posted = field("source-posted-at", vm.postedAtProperty());
        posted.setPromptText(I18n.t("form.timePrompt"));
        grid.addRow(row++, new Label(I18n.t("source.postedAt")), posted);
        grid.addRow(row++, new Label(I18n.t("source.caption")), area("source-caption", vm.captionProperty()));
        grid.addRow(row++, new Label(I18n.t("source.language")), field("source-language", vm.languageProperty()));
        grid.addRow(row++, new Label(I18n.t("source.translation")), area("source-translation", vm.translationProperty()));
        TextField reason = new TextField();
        reason.setPromptText(I18n.t("form.reasonPrompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button save = new Button(I18n.t("form.save"), Icon.SAVE.graphic());
        save.setId("source-save");
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        save.disableProperty().bind(vm.itemProperty().isNull().or(vm.readOnlyProperty()));
        save.setOnAction(e -> vm.save(reason.getText()));
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        for (Node n : grid.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        VBox content = new VBox(8, grid, new HBox(8, new Label(I18n.t("form.reason")), reason, save), message);
        content.setPadding(new Insets(8));
        setContent(content);
        setFitToWidth(true);
    }

    private static TextField field(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextArea area(String id, StringProperty property) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.textProperty().bindBidirectional(property);
        return area;
    }
}
