package org.groundtruth.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.groundtruth.core.Coded;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.VerificationStatus;
import org.junit.jupiter.api.Test;

/** English and Ukrainian carry the same keys, and every vocabulary value shown in the window has a label. */
class MessagesTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        Properties en = load("messages.properties");
        Properties uk = load("messages_uk.properties");
        assertThat(uk.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    }

    /**
     * A key is used when the sources name it whole, or name its prefix ending in a dot (keys built at run time,
     * like {@code "settings.theme." + name}), or it is the label of a vocabulary value ({@code TargetType.ambulance}).
     */
    @Test
    void everyKeyIsUsed() throws Exception {
        java.util.Set<String> literals = new java.util.HashSet<>();
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\\\n]++|\\\\.)*+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = literal.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        java.util.Set<String> vocabularies = java.util.Set.of("VerificationStatus", "TargetType", "StrikeType",
                "StrikeSequence", "TimePrecision", "Sensitivity", "EvidenceKind", "InsigniaType", "Confidence",
                "CorroborationRelation", "DoubleTapVerdict");
        java.util.List<String> unused = load("messages.properties").stringPropertyNames().stream()
                .filter(key -> !literals.contains(key))
                .filter(key -> literals.stream().noneMatch(l -> l.endsWith(".") && key.startsWith(l)))
                .filter(key -> !vocabularies.contains(key.substring(0, key.indexOf('.') < 0 ? 0 : key.indexOf('.'))))
                .sorted().toList();
        assertThat(unused).as("keys in messages.properties that no code uses").isEmpty();
    }

    /** The case-file report's own bundle: the same keys in both languages, each named whole in the sources. */
    @Test
    void reportBundlesMatchAndEveryKeyIsUsed() throws Exception {
        Properties en = load("report.properties");
        Properties uk = load("report_uk.properties");
        assertThat(uk.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        String sources;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/org/groundtruth"))) {
            StringBuilder all = new StringBuilder();
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(java.nio.file.Files.readString(file));
            }
            sources = all.toString();
        }
        assertThat(en.stringPropertyNames().stream().filter(key -> !sources.contains("\"" + key + "\"")).sorted())
                .as("keys in report.properties that no code uses").isEmpty();
    }

    @Test
    void everyVocabularyValueHasALabel() throws Exception {
        Properties en = load("messages.properties");
        for (Class<?> type : new Class<?>[] {VerificationStatus.class, TargetType.class, StrikeType.class,
            StrikeSequence.class, TimePrecision.class, Sensitivity.class, EvidenceKind.class,
            org.groundtruth.core.verify.InsigniaType.class, org.groundtruth.core.verify.Confidence.class,
            org.groundtruth.core.verify.CorroborationRelation.class}) {
            for (Object value : type.getEnumConstants()) {
                assertThat(en).containsKey(type.getSimpleName() + "." + ((Coded) value).code());
            }
        }
    }
}
