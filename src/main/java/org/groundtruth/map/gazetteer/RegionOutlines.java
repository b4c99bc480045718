package org.groundtruth.map.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the outline for an incident's admin-1 region name: first by the name reverse lookup records
 * ({@link Region#admin1Name()}: "Kherson Oblast", "Kyiv", "Autonomous Republic of Crimea"), then, ignoring case, by
 * the source's Latin name ("Kherson") or the Ukrainian name ("Херсонська область"), which investigators type too.
 * A name that fits regions in more than one place (Limburg is in Belgium and the Netherlands) finds nothing: the
 * map would otherwise colour a region the count may not belong to.
 */
public final class RegionOutlines {
    private final List<RegionOutline> all;
    private final Map<String, List<RegionOutline>> byAdmin1Name = new HashMap<>();
    private final Map<String, List<RegionOutline>> byAlias = new HashMap<>();

    public RegionOutlines(List<RegionOutline> outlines) {
        all = List.copyOf(outlines);
        for (RegionOutline outline : all) {
            Region r = outline.region();
            byAdmin1Name.computeIfAbsent(r.admin1Name(), k -> new ArrayList<>()).add(outline);
            Set<String> aliases = new LinkedHashSet<>();
            for (String name : List.of(r.admin1Name(), r.name(), r.ukrainianName())) {
                if (!name.isBlank()) {
                    aliases.add(alias(name));
                }
            }
            aliases.forEach(a -> byAlias.computeIfAbsent(a, k -> new ArrayList<>()).add(outline));
        }
    }

    /** The one region the admin-1 name stands for, if there is exactly one. */
    public Optional<RegionOutline> find(String admin1) {
        List<RegionOutline> exact = byAdmin1Name.getOrDefault(admin1.strip(), List.of());
        if (!exact.isEmpty()) {
            return exact.size() == 1 ? Optional.of(exact.get(0)) : Optional.empty();
        }
        List<RegionOutline> loose = byAlias.getOrDefault(alias(admin1), List.of());
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /** Every region of the given countries (ISO 3166-1 alpha-2 codes). */
    public List<RegionOutline> inCountries(Set<String> countryCodes) {
        return all.stream().filter(o -> countryCodes.contains(o.region().countryCode())).toList();
    }

    public int size() {
        return all.size();
    }

    private static String alias(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
