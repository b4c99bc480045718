package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.scene.control.ButtonBar.ButtonData;
import org.junit.jupiter.api.Test;

/**
 * JavaFX's standard buttons speak JavaFX's languages, which do not include Ukrainian. The window uses
 * {@link DialogButtons} instead, and makes alerts and input dialogs (which add standard buttons of their own)
 * only through {@link Dialogs}.
 */
class StandardButtonsTest {
    private static final Pattern STANDARD_BUTTON = Pattern.compile(
            "ButtonType\\s*\\.\\s*(OK|CANCEL|YES|NO|CLOSE|APPLY|FINISH|NEXT|PREVIOUS)\\b");
    private static final Pattern SELF_BUTTONED_DIALOG = Pattern.compile("new\\s+(Alert|TextInputDialog|ChoiceDialog)\\b");
    private static final Path UI = Path.of("src/main/java/org/groundtruth/ui");
    private static final Path FACTORY = UI.resolve("common/Dialogs.java");

    @Test
    void noStandardButtonTypesInTheWindow() throws Exception {
        assertThat(offences(STANDARD_BUTTON, null)).as("use DialogButtons.ok()/cancel()/close()").isEmpty();
    }

    @Test
    void alertsAndInputDialogsAreMadeByDialogs() throws Exception {
        assertThat(offences(SELF_BUTTONED_DIALOG, FACTORY)).as("use Dialogs.alert/textInput/choice").isEmpty();
    }

    @Test
    void ourButtonsKeepTheStandardRoles() {
        assertThat(DialogButtons.ok().getButtonData()).isEqualTo(ButtonData.OK_DONE);
        assertThat(DialogButtons.cancel().getButtonData()).isEqualTo(ButtonData.CANCEL_CLOSE);
        assertThat(DialogButtons.close().getButtonData()).isEqualTo(ButtonData.CANCEL_CLOSE);
        assertThat(DialogButtons.confirms(DialogButtons.ok())).isTrue();
        assertThat(DialogButtons.confirms(DialogButtons.cancel())).isFalse();
    }

    @Test
    void ourButtonsSpeakUkrainian() {
        try {
            I18n.use(Locale.forLanguageTag("uk"));
            assertThat(DialogButtons.cancel().getText()).isEqualTo("Скасувати");
        } finally {
            I18n.use(Locale.getDefault());
        }
    }

    private static List<String> offences(Pattern pattern, Path allowed) throws Exception {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(UI)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(allowed)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    boolean comment = code.startsWith("*") || code.startsWith("/*") || code.startsWith("//");
                    if (!comment && pattern.matcher(code).find()) {
                        found.add(file + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        return found;
    }
}
