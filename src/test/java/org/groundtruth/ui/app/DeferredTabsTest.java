package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tabs not on screen join the scene when first chosen, with the content they were built with. */
@ExtendWith(ApplicationExtension.class)
class DeferredTabsTest {
    // Built in start(): controls need the JavaFX toolkit, which the extension starts first.
    private Label first;
    private Label second;
    private Tab firstTab;
    private Tab secondTab;
    private Tab thirdTab;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        first = new Label("Карта");
        second = new Label("Переглядач");
        firstTab = new Tab("1", first);
        secondTab = new Tab("2", second);
        thirdTab = new Tab("3", new Label("Аналітика"));
        tabs = new TabPane(firstTab, secondTab, thirdTab);
        DeferredTabs.untilSelected(tabs);
        stage.setScene(new Scene(tabs, 400, 300));
        stage.show();
    }

    @Test
    void onlyTheSelectedTabIsInTheSceneUntilAnotherIsChosen(FxRobot robot) {
        assertThat(firstTab.getContent()).isSameAs(first);
        assertThat(secondTab.getContent()).isNull();
        assertThat(thirdTab.getContent()).isNull();
        assertThat(second.getScene()).isNull();

        robot.interact(() -> tabs.getSelectionModel().select(secondTab));
        assertThat(secondTab.getContent()).isSameAs(second);
        assertThat(second.getScene()).isNotNull();
        assertThat(thirdTab.getContent()).isNull();

        robot.interact(() -> tabs.getSelectionModel().select(firstTab));
        robot.interact(() -> tabs.getSelectionModel().select(secondTab));
        assertThat(secondTab.getContent()).isSameAs(second);
        assertThat(firstTab.getContent()).isSameAs(first);
    }

    @Test
    void contentPutThereMeanwhileIsKept(FxRobot robot) {
        Label moved = new Label("Карта поруч");
        robot.interact(() -> {
            thirdTab.setContent(moved);
            tabs.getSelectionModel().select(thirdTab);
        });
        assertThat(thirdTab.getContent()).isSameAs(moved);
    }
}
