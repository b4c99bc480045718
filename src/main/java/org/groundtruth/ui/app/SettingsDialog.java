package org.groundtruth.ui.app;

import java.io.File;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/**
 * Edit → Settings: the per-user settings, validated before the dialog closes. Bound to a {@link SettingsViewModel};
 * the result is true when the analyst confirmed valid settings ({@link SettingsViewModel#read()} gives them).
 */
final class SettingsDialog extends Dialog<Boolean> {
    private final TextField analyst = new TextField();
    private final ComboBox<String> language = new ComboBox<>();
    private final ComboBox<String> theme = new ComboBox<>();
    private final ComboBox<String> coordinates = new ComboBox<>();
    private final ComboBox<String> units = new ComboBox<>();
    private final TextField defaultWorkspace = new TextField();
    private final TextArea tileSources = new TextArea();
    private final TextField cacheMegabytes = new TextField();
    private final CheckBox offline = new CheckBox(I18n.t("settings.offline"));
    private final Label error = new Label();

    SettingsDialog(Window owner, SettingsViewModel model) {
        Dialogs.own(this, owner);
        setTitle(I18n.t("settings.title"));
        setHeaderText(I18n.t("settings.header"));
        setGraphic(Icon.SETTINGS.header());
        analyst.setId("settings-analyst");
        analyst.textProperty().bindBidirectional(model.analystProperty());
        analyst.setPromptText(model.analystPrompt());
        language.setId("settings-language");
        language.getItems().setAll(model.languages());
        language.setConverter(converter(code -> code.isEmpty() ? I18n.t("settings.language.system")
                : I18n.t("settings.language." + code)));
        language.valueProperty().bindBidirectional(model.languageProperty());
        theme.setId("settings-theme");
        choose(theme, model.themes(), model.themeProperty(), SettingsViewModel.THEME);
        choose(coordinates, model.coordinateForms(), model.coordinatesProperty(), SettingsViewModel.COORDINATES);
        choose(units, model.unitSystems(), model.unitsProperty(), SettingsViewModel.UNITS);
        defaultWorkspace.textProperty().bindBidirectional(model.defaultWorkspaceProperty());
        defaultWorkspace.setPromptText(model.defaultWorkspacePrompt());
        Button browse = new Button(I18n.t("settings.browse"), Icon.FOLDER.graphic());
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                defaultWorkspace.setText(dir.getAbsolutePath());
            }
        });
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox workspaceRow = new HBox(6, defaultWorkspace, browse);
        HBox.setHgrow(defaultWorkspace, Priority.ALWAYS);
        tileSources.setId("settings-tiles");
        tileSources.setPrefRowCount(3);
        tileSources.setPromptText("https://tile.example.org/{z}/{x}/{y}.png");
        tileSources.textProperty().bindBidirectional(model.tileSourcesProperty());
        cacheMegabytes.textProperty().bindBidirectional(model.cacheMegabytesProperty());
        cacheMegabytes.setId("settings-cache");
        cacheMegabytes.setPrefColumnCount(8);
        offline.setId("settings-offline");
        offline.setWrapText(true); // a sentence: wraps in the dialog's width rather than being cut
        offline.setPrefWidth(380);
        offline.selectedProperty().bindBidirectional(model.offlineProperty());
        error.setId("settings-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.addRow(row++, new Label(I18n.t("settings.analyst")), analyst);
        grid.addRow(row++, new Label(I18n.t("settings.language")), language);
        grid.addRow(row++, new Label(I18n.t("settings.theme")), theme);
        grid.addRow(row++, new Label(I18n.t("settings.coordinates")), coordinates);
        grid.addRow(row++, new Label(I18n.t("settings.units")), units);
        grid.addRow(row++, new Label(I18n.t("settings.defaultWorkspace")), workspaceRow);
        grid.addRow(row++, new Label(I18n.t("settings.tileSources")), tileSources);
        grid.addRow(row++, new Label(I18n.t("settings.cache")), cacheMegabytes);
        grid.addRow(row++, new Label(""), offline);
        grid.add(error, 0, row, 2, 1);
        grid.getChildren().stream().filter(n -> n instanceof Label && GridPane.getColumnIndex(n) == 0)
                .forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE)); // labels are never cut short
        GridPane.setHgrow(analyst, Priority.ALWAYS);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(760); // the Ukrainian labels are longer
        ButtonType ok = DialogButtons.ok();
        getDialogPane().getButtonTypes().setAll(ok, DialogButtons.cancel());
        getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                model.read();
            } catch (IllegalArgumentException invalid) {
                error.setText(Errors.message(invalid));
                e.consume(); // keep the dialog open on invalid input
            }
        });
        setResultConverter(button -> button == ok);
    }

    private static void choose(ComboBox<String> box, List<String> names, javafx.beans.property.StringProperty value,
            String keyPrefix) {
        box.getItems().setAll(names);
        box.setConverter(converter(v -> I18n.t(SettingsViewModel.choiceKey(keyPrefix, v))));
        box.valueProperty().bindBidirectional(value);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null; // chosen from the list, never typed
            }
        };
    }
}
