package org.groundtruth.ui.map;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.ui.common.DialogButtons;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.I18n;

/**
 * File → Add offline map… / the layer panel's button: says where a Ukraine map comes from (decision 1403), then picks
 * a {@code .map} or {@code .osm.pbf}; the copy or import runs in the background with progress and cancel.
 */
final class OfflineMapDialog {
    private OfflineMapDialog() {
    }

    static void show(MapViewModel vm, Optional<Window> owner) {
        OfflineMapLibrary library = OfflineMapLibrary.user();
        ButtonType choose = new ButtonType(I18n.t("map.offlineMapChoose"), ButtonBar.ButtonData.OK_DONE);
        Alert steps = Dialogs.alert(Alert.AlertType.INFORMATION, owner.orElse(null),
                I18n.t("map.offlineMapSteps", library.folder()), choose, DialogButtons.cancel());
        steps.setTitle(I18n.t("map.addOfflineMapTitle"));
        steps.setHeaderText(I18n.t("map.addOfflineMapTitle"));
        steps.getDialogPane().setId("offline-map-steps");
        if (steps.showAndWait().filter(choose::equals).isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("map.addOfflineMapTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("map.offlineMapFilter"), "*.map", "*.pbf"),
                new FileChooser.ExtensionFilter(I18n.t("map.allFiles"), "*.*"));
        var file = chooser.showOpenDialog(owner.orElse(null));
        if (file != null) {
            vm.addOfflineMap(library, Path.of(file.getAbsolutePath()));
        }
    }
}
