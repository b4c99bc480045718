package org.groundtruth.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every key the code asks for exists in English and Ukrainian; plural forms follow each language's rules. */
class I18nKeysTest {
    private static final Pattern USE = Pattern.compile("I18n\\.t\\(\\s*\"([^\"]+)\"");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(I18nKeysTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyKeyTheCodeUsesIsInBothLanguages() throws Exception {
        Set<String> used = new TreeSet<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(100);
        Properties en = load("messages.properties");
        Properties uk = load("messages_uk.properties");
        assertThat(used.stream().filter(k -> !has(en, k)).toList()).as("keys missing in English").isEmpty();
        assertThat(used.stream().filter(k -> !has(uk, k)).toList()).as("keys missing in Ukrainian").isEmpty();
    }

    /** A key, or a prefix completed at run time ({@code "unit." + name}): some key must start with it. */
    private static boolean has(Properties texts, String key) {
        return key.endsWith(".") ? texts.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                : texts.containsKey(key);
    }

    @Test
    void ukrainianPluralsFollowUkrainianRules() {
        I18n.use(Locale.forLanguageTag("uk"));
        assertThat(I18n.t("list.count", 1)).isEqualTo("1 інцидент");
        assertThat(I18n.t("list.count", 2)).isEqualTo("2 інциденти");
        assertThat(I18n.t("list.count", 5)).isEqualTo("5 інцидентів");
        assertThat(I18n.t("list.count", 21)).isEqualTo("21 інцидент");
        assertThat(I18n.t("list.count", 0)).isEqualTo("Немає інцидентів");
        assertThat(I18n.t("evidence.imported", 3, 0)).startsWith("Імпортовано 3 нові докази");
        I18n.use(Locale.ENGLISH);
        assertThat(I18n.t("list.count", 1)).isEqualTo("1 incident");
        assertThat(I18n.t("list.count", 2)).isEqualTo("2 incidents");
    }
}
