package org.groundtruth.map.osm;

import java.util.Map;
import java.util.Optional;

/**
 * What is drawn from an OpenStreetMap extract, in drawing order, with the zoom each kind appears from: the features
 * an investigator matches in a drone frame (road bends, building footprints, railways, water, land use, tree cover,
 * power lines).
 */
public enum OsmLayer {
    FARMLAND(12, true), RESIDENTIAL(12, true), INDUSTRIAL(12, true), GREEN(12, true), FOREST(10, true),
    WATER_AREA(10, true), WATERWAY(11, false), BUILDING(14, true), TREE_ROW(15, false), RAILWAY(10, false),
    ROAD(8, false), POWER(13, false), PLACE(10, false), POI(16, false);

    public final int minZoom;
    public final boolean area;

    OsmLayer(int minZoom, boolean area) {
        this.minZoom = minZoom;
        this.area = area;
    }

    /** The layer and rank (lower = more important) of a way; empty when it is not drawn. */
    static Optional<Classified> ofWay(Map<String, String> tags, boolean closed) {
        String highway = tags.get("highway");
        if (highway != null && !"yes".equals(tags.get("area"))) {
            int rank = roadRank(highway);
            return rank < 0 ? Optional.empty() : Optional.of(new Classified(ROAD, rank, roadMinZoom(rank)));
        }
        String railway = tags.get("railway");
        if (railway != null && railway.matches("rail|light_rail|tram|subway|narrow_gauge|monorail|funicular")) {
            int rank = "rail".equals(railway) ? 0 : 1;
            return Optional.of(new Classified(RAILWAY, rank, rank == 0 ? 10 : 13));
        }
        String power = tags.get("power");
        if (power != null && power.matches("line|minor_line")) {
            return Optional.of(new Classified(POWER, "line".equals(power) ? 0 : 1, "line".equals(power) ? 13 : 15));
        }
        String waterway = tags.get("waterway");
        if (closed && ("riverbank".equals(waterway) || "dock".equals(waterway))) {
            return Optional.of(new Classified(WATER_AREA, 0, 10));
        }
        if (waterway != null && waterway.matches("river|canal|stream|drain|ditch")) {
            int rank = waterway.matches("river|canal") ? 0 : 1;
            return Optional.of(new Classified(WATERWAY, rank, rank == 0 ? 11 : 14));
        }
        if ("tree_row".equals(tags.get("natural"))) {
            return Optional.of(new Classified(TREE_ROW, 0, 15));
        }
        if (!closed) {
            return Optional.empty();
        }
        if (tags.containsKey("building") && !"no".equals(tags.get("building"))) {
            return Optional.of(new Classified(BUILDING, 0, 14));
        }
        String natural = tags.getOrDefault("natural", "");
        String landuse = tags.getOrDefault("landuse", "");
        String leisure = tags.getOrDefault("leisure", "");
        if ("water".equals(natural) || landuse.matches("reservoir|basin") || tags.containsKey("water")) {
            return Optional.of(new Classified(WATER_AREA, 0, 10));
        }
        if ("wood".equals(natural) || "forest".equals(landuse)) {
            return Optional.of(new Classified(FOREST, 0, 10));
        }
        if (leisure.matches("park|garden|pitch|playground|golf_course") || landuse.matches(
                "grass|meadow|recreation_ground|village_green|cemetery") || natural.matches("scrub|heath|grassland")) {
            return Optional.of(new Classified(GREEN, 0, 12));
        }
        if (landuse.matches("farmland|orchard|vineyard|allotments|farmyard")) {
            return Optional.of(new Classified(FARMLAND, 0, 12));
        }
        if ("residential".equals(landuse)) {
            return Optional.of(new Classified(RESIDENTIAL, 0, 12));
        }
        if (landuse.matches("industrial|commercial|retail|railway|garages|military|construction")) {
            return Optional.of(new Classified(INDUSTRIAL, 0, 12));
        }
        return Optional.empty();
    }

    /** Named place and POI nodes worth a label. */
    static Optional<Classified> ofNode(Map<String, String> tags) {
        if (!tags.containsKey("name")) {
            return Optional.empty();
        }
        String place = tags.get("place");
        if (place != null) {
            int rank = switch (place) {
                case "city" -> 0;
                case "town" -> 1;
                case "village", "suburb" -> 2;
                case "quarter", "neighbourhood", "hamlet" -> 3;
                default -> 4;
            };
            return Optional.of(new Classified(PLACE, rank, 10 + 2 * rank));
        }
        if (tags.containsKey("amenity") || tags.containsKey("tourism") || tags.containsKey("shop")
                || tags.containsKey("historic") || tags.containsKey("office") || tags.containsKey("railway")) {
            return Optional.of(new Classified(POI, 0, 16));
        }
        return Optional.empty();
    }

    static int roadRank(String highway) {
        return switch (highway.replace("_link", "")) {
            case "motorway" -> 0;
            case "trunk" -> 1;
            case "primary" -> 2;
            case "secondary" -> 3;
            case "tertiary" -> 4;
            case "residential", "unclassified", "living_street", "road" -> 5;
            case "service", "track", "pedestrian" -> 6;
            case "footway", "path", "cycleway", "steps", "bridleway" -> 7;
            default -> -1;
        };
    }

    private static int roadMinZoom(int rank) {
        return switch (rank) {
            case 0, 1 -> 8;
            case 2 -> 10;
            case 3 -> 11;
            case 4 -> 12;
            case 5 -> 13;
            case 6 -> 14;
            default -> 15;
        };
    }

    /** A classified feature: its layer, rank within the layer and first zoom. */
    record Classified(OsmLayer layer, int rank, int minZoom) {
    }
}
