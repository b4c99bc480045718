package org.groundtruth.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.TeamServer;
import org.groundtruth.team.TestServer;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Team in the real window: setting up the server ({@code team init}), registering an analyst with a role and
 * a public key file ({@code team analyst add}) and the analyst's own key ({@code keys create}/{@code keys show}),
 * typed and clicked as a user would. The server parts need {@code GROUNDTRUTH_TEST_PG} (skipped without it).
 */
@ExtendWith(ApplicationExtension.class)
class TeamAdminDialogTest {
    @TempDir
    static Path tmp;

    private TaskRunner runner;
    private Stage stage;
    private TeamAdminViewModel admin;
    private MyKeyViewModel myKey;
    private KeyRing ring;
    private String analyst = "Олена Діалог";

    @Start
    void start(Stage stage) {
        this.stage = stage;
        runner = new TaskRunner();
        admin = new TeamAdminViewModel(runner);
        Button init = new Button("init");
        init.setId("open-init");
        init.setOnAction(e -> TeamAdminDialog.showInit(stage, admin));
        Button register = new Button("register");
        register.setId("open-register");
        register.setOnAction(e -> TeamAdminDialog.showRegister(stage, admin));
        Button key = new Button("key");
        key.setId("open-key");
        key.setOnAction(e -> MyKeyDialog.show(stage, myKey));
        stage.setScene(new Scene(new VBox(8, init, register, key), 300, 200));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void set(FxRobot robot, String id, String value) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
    }

    private static void close(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void badInputIsOneClearLineAndNothingIsSent(FxRobot robot) throws Exception {
        robot.clickOn("#open-register");
        set(robot, "#team-admin-server", "mysql://host/db");
        robot.clickOn("#team-admin-add");
        assertThat(text(robot, "#team-admin-status")).contains("postgresql://host:port/database");

        set(robot, "#team-admin-server", "postgresql://admin:secret@127.0.0.1:1/gt");
        robot.clickOn("#team-admin-add");
        assertThat(text(robot, "#team-admin-status")).contains("contains a password").doesNotContain("secret");

        set(robot, "#team-admin-server", "postgresql://admin@127.0.0.1:1/gt");
        robot.clickOn("#team-admin-add");
        assertThat(text(robot, "#team-admin-status")).isEqualTo("Enter the analyst’s name.");
        robot.clickOn("#team-admin-name").write("Петро");
        robot.clickOn("#team-admin-add");
        assertThat(text(robot, "#team-admin-status")).isEqualTo("Choose the analyst’s public key file.");

        Path notAKey = Files.writeString(tmp.resolve("не-ключ.pub"), "hello", StandardCharsets.UTF_8);
        set(robot, "#team-admin-key", notAKey.toString());
        robot.clickOn("#team-admin-add");
        waitUntil(() -> !text(robot, "#team-admin-status").isEmpty());
        assertThat(text(robot, "#team-admin-status")).isEqualTo(notAKey + " is not an Ed25519 public key (PEM)");

        // A good key but no server there: one line naming the server, the dialog stays usable.
        KeyRing keys = new KeyRing(tmp.resolve("bad-input-keys"));
        keys.create("Петро", Optional.empty());
        set(robot, "#team-admin-key", keys.publicFile("Петро").toString());
        robot.clickOn("#team-admin-add");
        waitUntil(() -> !text(robot, "#team-admin-status").isEmpty() && !admin.busyProperty().get());
        assertThat(text(robot, "#team-admin-status")).contains("127.0.0.1:1").doesNotContain("\n");
        assertThat(robot.lookup("#team-admin-add").queryAs(Button.class).isDisabled()).isFalse();
        close(robot);
    }

    @Test
    void anAdministratorSetsUpTheServerAndRegistersAnAnalystInTheWindow(FxRobot robot) throws Exception {
        try (TestServer server = TestServer.createEmpty()) {
            String name = server.name("Петро Вікно");
            server.dropRoleAtClose(name);
            KeyRing petrosKeys = new KeyRing(tmp.resolve("petro-keys"));
            AnalystKey key = petrosKeys.create(name, Optional.empty());

            robot.clickOn("#open-init");
            set(robot, "#team-admin-server", server.adminUrl().display());
            robot.clickOn("#team-admin-password").write(new String(server.adminPassword()));
            robot.clickOn("#team-admin-init");
            waitUntil(() -> !text(robot, "#team-admin-status").isEmpty());
            assertThat(text(robot, "#team-admin-status"))
                    .startsWith("Team schema ready on " + server.adminUrl().display() + " (version ");
            assertThat(robot.lookup("#team-admin-password").queryAs(TextField.class).getText()).isEmpty();
            close(robot);

            robot.clickOn("#open-register");
            assertThat(robot.lookup("#team-admin-server").queryAs(TextField.class).getText())
                    .isEqualTo(server.adminUrl().display());
            robot.clickOn("#team-admin-password").write(new String(server.adminPassword()));
            robot.clickOn("#team-admin-name").write(name);
            ChoiceBox<?> role = robot.lookup("#team-admin-role").queryAs(ChoiceBox.class);
            robot.interact(() -> admin.roleProperty().set("reviewer"));
            assertThat(role.getValue()).isEqualTo("reviewer");
            set(robot, "#team-admin-key", petrosKeys.publicFile(name).toString());
            robot.clickOn("#team-admin-add");
            waitUntil(() -> !text(robot, "#team-admin-status").isEmpty());
            assertThat(text(robot, "#team-admin-status")).isEqualTo("Registered " + name + " as reviewer (key "
                    + key.fingerprint() + "). Their password is below: it is shown only now.");
            String password = robot.lookup("#team-admin-generated").queryAs(TextField.class).getText();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);

            // The analyst logs in with that password; the server binds the login to the key and the role.
            try (Connection c = TeamServer.connect(server.url, name, Optional.of(password.toCharArray()));
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
            try (Connection c = server.adminConnection();
                 PreparedStatement st = c.prepareStatement("SELECT role, fingerprint FROM gt.analyst WHERE login = ?")) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("reviewer");
                    assertThat(rs.getString(2)).isEqualTo(key.fingerprint());
                }
            }

            // Registering the same name again is refused in one line; the generated password is no longer shown.
            robot.clickOn("#team-admin-password").write(new String(server.adminPassword()));
            robot.clickOn("#team-admin-add");
            waitUntil(() -> text(robot, "#team-admin-status").contains("exists already"));
            assertThat(text(robot, "#team-admin-status")).isEqualTo("a server role named " + name + " exists already");
            assertThat(robot.lookup("#team-admin-generated").queryAs(TextField.class).getText()).isEmpty();
            close(robot);
        }
    }

    @Test
    void myKeyIsCreatedInTheWindowAndItsPublicKeyShown(FxRobot robot) throws Exception {
        ring = new KeyRing(tmp.resolve("my-keys"));
        myKey = new MyKeyViewModel(runner, () -> analyst, ring);
        robot.clickOn("#open-key");
        waitUntil(() -> !text(robot, "#my-key-status").isEmpty());
        assertThat(text(robot, "#my-key-status")).startsWith(analyst + " has no key on this machine yet");
        robot.clickOn("#my-key-create");
        waitUntil(() -> !robot.lookup("#my-key-pem").queryAs(TextArea.class).getText().isEmpty());
        AnalystKey created = ring.publicKey(analyst).orElseThrow();
        assertThat(robot.lookup("#my-key-pem").queryAs(TextArea.class).getText()).isEqualTo(created.pem());
        assertThat(robot.lookup("#my-key-fingerprint").queryAs(TextField.class).getText()).isEqualTo(created.fingerprint());
        assertThat(robot.lookup("#my-key-file").queryAs(TextField.class).getText())
                .isEqualTo(ring.publicFile(analyst).toString());
        assertThat(ring.hasPrivateKey(analyst)).isTrue();
        close(robot);

        // Opened again it shows the same key (keys show) and offers no second one.
        robot.clickOn("#open-key");
        waitUntil(() -> created.fingerprint().equals(robot.lookup("#my-key-fingerprint").queryAs(TextField.class).getText()));
        assertThat(robot.lookup("#my-key-create").queryAs(Button.class).isVisible()).isFalse();
        close(robot);
    }
}
