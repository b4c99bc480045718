package org.groundtruth.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Every dialog and extra window of the workbench is made or adopted here: owned by the main window (centred on it,
 * closed with it), carrying the application icon, styled like it, and with buttons in the window's language.
 */
public final class Dialogs {
    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> appIcons;

    private Dialogs() {
    }

    /** The application icon in the sizes the window managers pick from (icons/ in the sources). */
    public static synchronized List<Image> appIcons() {
        if (appIcons == null) {
            appIcons = IntStream.of(ICON_SIZES).mapToObj(size -> new Image(Dialogs.class.getResource(
                    "/icons/groundtruth-" + size + ".png").toExternalForm(), true)).toList();
        }
        return appIcons;
    }

    /** The application icon in one of the sizes of {@code icons/} (16, 24, 32, 48, 64, 128, 256). */
    public static Image appIcon(int size) {
        int index = IntStream.range(0, ICON_SIZES.length).filter(i -> ICON_SIZES[i] == size).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application icon of " + size + " px"));
        return appIcons().get(index);
    }

    /** Owns the dialog to the window, gives it the application icon and the window's style sheets. */
    public static <D extends Dialog<?>> D own(D dialog, Window owner) {
        Optional.ofNullable(owner).ifPresent(dialog::initOwner);
        // Non-resizable dialogs on Linux keep the size measured before CSS and wrapping (JDK-8087981): text and
        // buttons were cut off. Resizable ones follow their content, and never shrink below its preferred height.
        dialog.setResizable(true);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window instanceof Stage stage) {
            stage.getIcons().setAll(appIcons());
            // Wrapped text is measured once the dialog is laid out: fit the window to it, buttons included.
            // One pulse later: by then CSS has been applied and the text wrapped at its final width.
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(stage::sizeToScene));
        }
        Optional.ofNullable(owner).map(Window::getScene).map(Scene::getStylesheets)
                .ifPresent(sheets -> dialog.getDialogPane().getStylesheets().addAll(sheets));
        return dialog;
    }

    /** The same for a window of our own (side-by-side comparison). */
    public static Stage own(Stage stage, Window owner) {
        Optional.ofNullable(owner).ifPresent(stage::initOwner);
        stage.getIcons().setAll(appIcons());
        return stage;
    }

    /** An alert with the given buttons (in our language), or with a Close button when none are given. */
    public static Alert alert(Alert.AlertType type, Window owner, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text);
        alert.getButtonTypes().setAll(buttons.length == 0 ? new ButtonType[] {DialogButtons.close()} : buttons);
        return own(alert, owner);
    }

    public static TextInputDialog textInput(Window owner, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.getDialogPane().getButtonTypes().setAll(DialogButtons.ok(), DialogButtons.cancel());
        return own(dialog, owner);
    }

    public static <T> ChoiceDialog<T> choice(Window owner, T initial, List<T> choices) {
        ChoiceDialog<T> dialog = new ChoiceDialog<>(initial, choices);
        dialog.getDialogPane().getButtonTypes().setAll(DialogButtons.ok(), DialogButtons.cancel());
        return own(dialog, owner);
    }
}
