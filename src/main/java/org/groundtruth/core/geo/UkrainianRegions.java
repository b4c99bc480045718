package org.groundtruth.core.geo;

import java.util.Map;
import java.util.Optional;

/**
 * English names of Ukraine's admin-1 regions by ISO 3166-2 code, in the official romanization (Odesa, Kyiv,
 * Zaporizhzhia), so region counts use the names investigators publish rather than the source data's older
 * spellings. Crimea and Sevastopol are Ukraine (UN GA resolution 68/262).
 */
public final class UkrainianRegions {
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("UA-05", "Vinnytsia Oblast"), Map.entry("UA-07", "Volyn Oblast"),
            Map.entry("UA-09", "Luhansk Oblast"), Map.entry("UA-12", "Dnipropetrovsk Oblast"),
            Map.entry("UA-14", "Donetsk Oblast"), Map.entry("UA-18", "Zhytomyr Oblast"),
            Map.entry("UA-21", "Zakarpattia Oblast"), Map.entry("UA-23", "Zaporizhzhia Oblast"),
            Map.entry("UA-26", "Ivano-Frankivsk Oblast"), Map.entry("UA-30", "Kyiv"),
            Map.entry("UA-32", "Kyiv Oblast"), Map.entry("UA-35", "Kirovohrad Oblast"),
            Map.entry("UA-40", "Sevastopol"), Map.entry("UA-43", "Autonomous Republic of Crimea"),
            Map.entry("UA-46", "Lviv Oblast"), Map.entry("UA-48", "Mykolaiv Oblast"),
            Map.entry("UA-51", "Odesa Oblast"), Map.entry("UA-53", "Poltava Oblast"),
            Map.entry("UA-56", "Rivne Oblast"), Map.entry("UA-59", "Sumy Oblast"),
            Map.entry("UA-61", "Ternopil Oblast"), Map.entry("UA-63", "Kharkiv Oblast"),
            Map.entry("UA-65", "Kherson Oblast"), Map.entry("UA-68", "Khmelnytskyi Oblast"),
            Map.entry("UA-71", "Cherkasy Oblast"), Map.entry("UA-74", "Chernihiv Oblast"),
            Map.entry("UA-77", "Chernivtsi Oblast"));

    /** Official Ukrainian names; the source data's {@code name_uk} calls Kyiv Oblast "Київ" like the city. */
    private static final Map<String, String> UKRAINIAN = Map.ofEntries(
            Map.entry("UA-05", "Вінницька область"), Map.entry("UA-07", "Волинська область"),
            Map.entry("UA-09", "Луганська область"), Map.entry("UA-12", "Дніпропетровська область"),
            Map.entry("UA-14", "Донецька область"), Map.entry("UA-18", "Житомирська область"),
            Map.entry("UA-21", "Закарпатська область"), Map.entry("UA-23", "Запорізька область"),
            Map.entry("UA-26", "Івано-Франківська область"), Map.entry("UA-30", "Київ"),
            Map.entry("UA-32", "Київська область"), Map.entry("UA-35", "Кіровоградська область"),
            Map.entry("UA-40", "Севастополь"), Map.entry("UA-43", "Автономна Республіка Крим"),
            Map.entry("UA-46", "Львівська область"), Map.entry("UA-48", "Миколаївська область"),
            Map.entry("UA-51", "Одеська область"), Map.entry("UA-53", "Полтавська область"),
            Map.entry("UA-56", "Рівненська область"), Map.entry("UA-59", "Сумська область"),
            Map.entry("UA-61", "Тернопільська область"), Map.entry("UA-63", "Харківська область"),
            Map.entry("UA-65", "Херсонська область"), Map.entry("UA-68", "Хмельницька область"),
            Map.entry("UA-71", "Черкаська область"), Map.entry("UA-74", "Чернігівська область"),
            Map.entry("UA-77", "Чернівецька область"));

    private UkrainianRegions() {
    }

    public static Optional<String> englishName(String isoCode) {
        return Optional.ofNullable(ENGLISH.get(isoCode));
    }

    public static Optional<String> ukrainianName(String isoCode) {
        return Optional.ofNullable(UKRAINIAN.get(isoCode));
    }

    /**
     * The region's name for a reader of {@code languageTag}: incidents store the official English name, which a
     * Ukrainian window or report shows in Ukrainian. Names of other countries' regions stay as stored.
     */
    public static String display(String englishName, String languageTag) {
        if (!"uk".equals(languageTag)) {
            return englishName;
        }
        return ENGLISH.entrySet().stream().filter(e -> e.getValue().equals(englishName)).findFirst()
                .map(e -> UKRAINIAN.get(e.getKey())).orElse(englishName);
    }
}
