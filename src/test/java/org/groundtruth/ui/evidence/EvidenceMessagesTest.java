package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EvidenceMessagesTest {
    @Test
    void ukrainianHasEveryKeyWithTheSamePlaceholders() {
        ResourceBundle en = new EvidenceMessages();
        ResourceBundle uk = new EvidenceMessages_uk();
        Set<String> enKeys = new TreeSet<>(Collections.list(en.getKeys()));
        Set<String> ukKeys = new TreeSet<>(Collections.list(uk.getKeys()));
        assertThat(ukKeys).isEqualTo(enKeys);
        for (String key : enKeys) {
            // ICU's parser, as EvidenceText formats counted words ({0, plural, …}) with it
            Set<String> enArgs = new com.ibm.icu.text.MessageFormat(en.getString(key), Locale.ROOT).getArgumentNames();
            Set<String> ukArgs = new com.ibm.icu.text.MessageFormat(uk.getString(key), Locale.ROOT).getArgumentNames();
            assertThat(ukArgs).as(key).isEqualTo(enArgs);
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws Exception {
        ResourceBundle en = new EvidenceMessages();
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java/org/groundtruth/ui/evidence");
        java.util.regex.Pattern use = java.util.regex.Pattern.compile("EvidenceText\\.t\\(\"([a-zA-Z.]+)\"");
        Set<String> used = new TreeSet<>();
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.toList()) {
                var m = use.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Collections.list(en.getKeys())).containsAll(used);
    }
}
