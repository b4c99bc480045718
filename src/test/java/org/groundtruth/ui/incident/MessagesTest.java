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

    @Test
    void everyVocabularyValueHasALabel() throws Exception {
        Properties en = load("messages.properties");
        for (Class<?> type : new Class<?>[] {VerificationStatus.class, TargetType.class, StrikeType.class,
            StrikeSequence.class, TimePrecision.class, Sensitivity.class, EvidenceKind.class}) {
            for (Object value : type.getEnumConstants()) {
                assertThat(en).containsKey(type.getSimpleName() + "." + ((Coded) value).code());
            }
        }
    }
}
