package org.groundtruth.ui.app;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.Icon;

/** The first start: what Groundtruth is, and a choice of the demo, a new investigation or an existing one. */
final class WelcomeDialog {
    enum Choice { DEMO, NEW, OPEN }

    private static final double TEXT_WIDTH = 600;

    private WelcomeDialog() {
    }

    /**
     * @param opening the investigation being opened now: the text says the demo is open only when it is
     * @param mapsSearched where the basemap was looked for, when none was found (empty when it was)
     */
    static Optional<Choice> ask(Window owner, java.nio.file.Path opening, boolean demoIsOpen,
            java.util.List<java.nio.file.Path> mapsSearched) {
        ButtonType demo = new ButtonType(I18n.t("welcome.demo"), ButtonBar.ButtonData.OK_DONE);
        ButtonType create = new ButtonType(I18n.t("welcome.new"), ButtonBar.ButtonData.OTHER);
        ButtonType open = new ButtonType(I18n.t("welcome.open"), ButtonBar.ButtonData.OTHER);
        Alert alert = Dialogs.alert(Alert.AlertType.NONE, owner, "", demo, create, open);
        // An Alert measures its content's height without a width, so a wrapping label counts as one line and the
        // buttons drop out of sight below the (longer, Ukrainian) text. Measure the wrapped text ourselves.
        String intro = demoIsOpen ? I18n.t("welcome.text") : I18n.t("welcome.textOther", opening);
        if (!mapsSearched.isEmpty()) {
            intro += "\n\n" + I18n.t("welcome.noBasemap", String.join("\n", mapsSearched.stream()
                    .map(p -> "  \u2022 " + p.toAbsolutePath().normalize()).toList()));
        }
        Label text = new Label(intro);
        text.setWrapText(true);
        text.setPrefWidth(TEXT_WIDTH);
        Text probe = new Text(text.getText());
        probe.setFont(Font.font(Font.getDefault().getFamily(), Font.getDefault().getSize() * 1.2));
        probe.setWrappingWidth(TEXT_WIDTH);
        text.setMinHeight(probe.getLayoutBounds().getHeight() + 8);
        // The first start shows this before the main window has settled, and the stage then keeps the size it
        // measured for an unwrapped label: give the pane its size outright (header, text, buttons).
        alert.getDialogPane().setPrefSize(TEXT_WIDTH + 120, text.getMinHeight() + 190);
        alert.getDialogPane().setContent(text);
        alert.setTitle(I18n.t("welcome.title"));
        alert.setHeaderText(I18n.t("welcome.header"));
        alert.setGraphic(new ImageView(Dialogs.appIcon(64)));
        choice(alert, demo, Icon.DEMO);
        choice(alert, create, Icon.NEW_INVESTIGATION);
        choice(alert, open, Icon.OPEN_INVESTIGATION);
        alert.getDialogPane().setId("welcome");
        return alert.showAndWait().map(b -> b == create ? Choice.NEW : b == open ? Choice.OPEN : Choice.DEMO);
    }

    /** A choice button with its icon, never cut short: the Ukrainian labels are long. */
    private static void choice(Alert alert, ButtonType type, Icon icon) {
        Button button = (Button) alert.getDialogPane().lookupButton(type);
        button.setGraphic(icon.graphic());
        button.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(button, false);
    }
}
