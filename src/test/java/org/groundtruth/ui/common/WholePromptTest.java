package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A field kept whole shows all of its prompt in a row too narrow for everything, also after the prompt changes. */
@ExtendWith(ApplicationExtension.class)
class WholePromptTest {
    private final TextField field = new TextField();

    @Start
    void start(Stage stage) {
        field.setPromptText("Пошук місць…");
        field.setPrefColumnCount(4);
        WholePrompt.keep(field, 60);
        HBox.setHgrow(field, Priority.SOMETIMES);
        Button wide = new Button("Інструменти карти, що забирають місце");
        wide.setMinWidth(260);
        stage.setScene(new Scene(new HBox(6, field, wide), 420, 60));
        stage.show();
    }

    @Test
    void thePromptShowsWholeAndTheFieldFollowsANewPrompt() throws Exception {
        assertThat(room()).isGreaterThanOrEqualTo(promptWidth());
        WaitForAsyncUtils.asyncFx(() -> field.setPromptText("Завантаження назв місць, зачекайте…")).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(room()).isGreaterThanOrEqualTo(promptWidth());
        assertThat(field.getMinWidth()).isGreaterThan(60);
        WaitForAsyncUtils.asyncFx(() -> field.setPromptText("")).get(30, TimeUnit.SECONDS);
        assertThat(field.getMinWidth()).isEqualTo(60);
    }

    private double room() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> field.getWidth() - field.snappedLeftInset() - field.snappedRightInset())
                .get(30, TimeUnit.SECONDS);
    }

    private double promptWidth() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Text t = new Text(field.getPromptText());
            t.setFont(field.getFont());
            return t.getLayoutBounds().getWidth();
        }).get(30, TimeUnit.SECONDS);
    }
}
