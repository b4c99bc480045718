package org.groundtruth.ui.verify;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Dialogs;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;

/**
 * Two evidence items side by side, typically the attacker's frame and the rescue service's photo, with one
 * zoom and one scroll position for both so the same detail stays in view on each side.
 */
final class SideBySideView extends BorderPane {
    private final Slider zoom = new Slider(0.1, 8, 1);
    private final Side left = new Side();
    private final Side right = new Side();

    private SideBySideView(Corroboration link) {
        zoom.setId("side-by-side-zoom");
        zoom.setPrefWidth(260);
        left.image.scaleXProperty().bind(zoom.valueProperty());
        left.image.scaleYProperty().bind(zoom.valueProperty());
        right.image.scaleXProperty().bind(zoom.valueProperty());
        right.image.scaleYProperty().bind(zoom.valueProperty());
        right.scroll.hvalueProperty().bindBidirectional(left.scroll.hvalueProperty());
        right.scroll.vvalueProperty().bindBidirectional(left.scroll.vvalueProperty());
        Label relation = new Label(I18n.label(link.relation()) + (link.note().isBlank() ? "" : " \u2014 " + link.note()));
        relation.getStyleClass().add("incident-title");
        HBox top = new HBox(10, relation, new Label(I18n.t("sideBySide.zoom")), zoom);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(new SplitPane(left, right));
    }

    /** Opens the comparison window and loads both pictures in the background. */
    static void open(Window owner, Background background, Corroboration link, EvidenceItem a, Path originalA,
            EvidenceItem b, Path originalB) {
        SideBySideView view = new SideBySideView(link);
        Stage stage = Dialogs.own(new Stage(), owner);
        stage.setTitle(I18n.t("sideBySide.title", a.originalName(), b.originalName()));
        Scene scene = new Scene(view, 1200, 720);
        Optional.ofNullable(owner).map(Window::getScene).ifPresent(s -> scene.getStylesheets().setAll(s.getStylesheets()));
        stage.setScene(scene);
        stage.show();
        view.left.load(background, a, originalA);
        view.right.load(background, b, originalB);
    }

    private static final class Side extends VBox {
        private final ImageView image = new ImageView();
        private final ScrollPane scroll = new ScrollPane(new javafx.scene.Group(image));
        private final Label caption = new Label(I18n.t("sideBySide.loading"));

        Side() {
            super(4);
            setPadding(new Insets(4));
            image.setPreserveRatio(true);
            scroll.setPannable(true);
            VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
            getChildren().addAll(caption, scroll);
        }

        void load(Background background, EvidenceItem item, Path original) {
            background.run(I18n.t("sideBySide.loading"), p -> EvidenceStills.load(item, original, 0), (BufferedImage img) -> {
                image.setImage(SwingFXUtils.toFXImage(img, null));
                caption.setText(item.originalName() + " \u00b7 " + I18n.label(item.kind()) + " \u00b7 "
                        + img.getWidth() + "\u00d7" + img.getHeight());
            }, error -> caption.setText(item.originalName() + ": " + Errors.message(error)));
        }
    }
}
