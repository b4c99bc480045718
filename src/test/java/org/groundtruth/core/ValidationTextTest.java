package org.groundtruth.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.Tags;
import org.groundtruth.core.incident.TimePrecision;
import org.junit.jupiter.api.Test;

/**
 * Core's checks carry a key: the English line is what it was (CLI and logs), the Ukrainian one is translated with
 * the field's name; every key and field name the code uses is in both languages.
 */
class ValidationTextTest {
    private static final Locale UK = Locale.forLanguageTag("uk");
    private static final Pattern KEY = Pattern.compile("(?:InvalidInput\\.of|new InvalidInput|ValidationText\\.\\w+"
            + "\\.format)\\(\\s*\"([^\"]+)\"|\"(validation\\.[A-Za-z]+)\"");
    private static final Pattern CHECK = Pattern.compile("(?:Require\\.(?:present|text|nonBlank|finiteInRange"
            + "|nonNegative)|DateRange\\.require(?:Date)?|Coded\\.parse|Ids\\.require|checkRange|InvalidInput\\.of)\\(");

    @Test
    void englishLinesAreUnchangedAndUkrainianOnesNameTheFieldInUkrainian() {
        var blank = catchInvalid(() -> Require.nonBlank("  ", "title", 500));
        assertThat(blank).hasMessage("title must not be blank");
        assertThat(blank.message(UK)).isEqualTo("Поле «назва» не може бути порожнім");
        assertThat(blank.message(Locale.ENGLISH)).isEqualTo("title must not be blank");

        var range = catchInvalid(() -> new LatLon(91, 30));
        assertThat(range).hasMessage("latitude must be between -90.0 and 90.0, was 91.0");
        assertThat(range.message(UK)).isEqualTo("Поле «широта» має бути від -90.0 до 90.0, а не 91.0");

        var tooLong = catchInvalid(() -> Require.text("abcdef", "claimed time", 3));
        assertThat(tooLong).hasMessage("claimed time is longer than 3 characters");
        assertThat(tooLong.message(UK)).isEqualTo("Поле «заявлений час» задовге (найбільше символів: 3)");

        var negative = catchInvalid(() -> Require.nonNegative(-2, "killed civilians"));
        assertThat(negative).hasMessage("killed civilians must not be negative, was -2");
        assertThat(negative.message(UK)).isEqualTo("Поле «загиблі цивільні» не може бути від’ємним (маємо -2)");

        var notOneOf = catchInvalid(() -> Coded.parse(TimePrecision.class, "week", "time precision"));
        assertThat(notOneOf.getMessage()).startsWith("time precision 'week' is not one of: ");
        assertThat(notOneOf.message(UK)).startsWith("Поле «точність часу»: «week» не входить до допустимих значень: ");

        var date = catchInvalid(() -> DateRange.require(Instant.parse("1800-01-01T00:00:00Z"), "occurred at"));
        assertThat(date.getMessage()).startsWith("occurred at 1800-01-01T00:00:00Z is outside the accepted dates ");
        assertThat(date.message(UK)).startsWith("Поле «час події»: 1800-01-01T00:00:00Z поза допустимими датами ");

        var tags = catchInvalid(() -> Tags.normalise(java.util.Collections.nCopies(1, "т".repeat(500))));
        assertThat(tags.message(UK)).startsWith("Тег «тттт").contains("задовгий");
    }

    @Test
    void coordinatesTypedInTheWindowAreRefusedInUkrainianWithTheAcceptedForms() {
        var outOfRange = catchInvalid(() -> org.groundtruth.core.geo.CoordinateParser.parse("95, 10"));
        assertThat(outOfRange.getMessage()).startsWith("Latitude 95.0 is out of range (-90..90) in \"95, 10\"");
        assertThat(outOfRange.message(UK)).startsWith("Широта 95.0 поза межами (-90..90) у «95, 10»");
        var oneNumber = catchInvalid(() -> org.groundtruth.core.geo.CoordinateParser.parse("46.6354"));
        assertThat(oneNumber.getMessage()).contains("one number is not a position", "accepted forms: ",
                "46°38'07.4\"N");
        assertThat(oneNumber.message(UK)).contains("одне число", "допустимі форми: ", "46°38'07.4\"N",
                "посилання Google Maps");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertThat(load("validation_uk.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("validation.properties").stringPropertyNames());
    }

    @Test
    void aMissingValueIsStillANullPointerExceptionThatCanBeTranslated() {
        assertThatThrownBy(() -> Require.present(null, "post URL")).isInstanceOf(NullPointerException.class)
                .isInstanceOf(KeyedMessage.class).hasMessage("post URL is required");
        try {
            Require.present(null, "post URL");
        } catch (MissingValue e) {
            assertThat(e.message(UK)).isEqualTo("Поле «URL допису» обов’язкове");
        }
    }

    @Test
    void aRecordBuiltFromAFormReportsInUkrainian() {
        var e = catchInvalid(() -> Incident.titled("x").toBuilder().title(" ").build());
        assertThat(e.key()).isEqualTo("validation.blank");
        assertThat(e.message(UK)).isEqualTo("Поле «назва» не може бути порожнім");
    }

    @Test
    void everyKeyAndFieldNameTheCodeUsesIsInBothLanguages() throws Exception {
        Set<String> keys = new TreeSet<>();
        Set<String> fields = new TreeSet<>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher k = KEY.matcher(text);
                while (k.find()) {
                    keys.add(k.group(1) != null ? k.group(1) : k.group(2));
                }
                Matcher c = CHECK.matcher(text);
                while (c.find()) {
                    fieldOf(text, c.end(), c.group().startsWith("InvalidInput.of")).ifPresent(fields::add);
                }
            }
        }
        assertThat(keys).as("message keys found").contains("validation.required", "validation.range")
                .hasSizeGreaterThan(10);
        assertThat(fields).as("field names found").contains("title", "latitude", "claimed time")
                .hasSizeGreaterThan(300);
        for (String bundle : List.of("validation.properties", "validation_uk.properties")) {
            Properties p = load(bundle);
            assertThat(keys.stream().filter(key -> !p.containsKey(key)).toList()).as("keys missing in " + bundle)
                    .isEmpty();
            assertThat(fields.stream().filter(f -> !p.containsKey(new FieldName(f).key())).toList())
                    .as("field names missing in " + bundle).isEmpty();
        }
        Properties uk = load("validation_uk.properties");
        assertThat(uk.getProperty("field.title")).isEqualTo("назва");
        assertThat(uk.stringPropertyNames().stream().filter(k -> k.startsWith("validation."))
                .filter(k -> uk.getProperty(k).matches("[\\p{ASCII}]*")).toList())
                .as("Ukrainian messages left in English").isEmpty();
    }

    /** The field argument of a check: its last top-level string literal (the second for InvalidInput.of). */
    private static java.util.Optional<String> fieldOf(String text, int from, boolean second) {
        int depth = 1;
        List<String> literals = new java.util.ArrayList<>();
        for (int i = from; i < text.length() && depth > 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (depth == 1) {
                    literals.add(text.substring(i + 1, end));
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        if (second) {
            return literals.size() >= 2 ? java.util.Optional.of(literals.get(1)) : java.util.Optional.empty();
        }
        return literals.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(literals.get(literals.size() - 1));
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(ValidationTextTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static InvalidInput catchInvalid(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("no InvalidInput thrown");
    }
}
