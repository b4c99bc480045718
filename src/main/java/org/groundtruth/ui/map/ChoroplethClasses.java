package org.groundtruth.ui.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.scene.paint.Color;

/**
 * Class breaks and colours of the incidents-per-region map (decision 0704): zero has no fill; up to a maximum of 5
 * one class per count; above that at most 5 classes whose upper bounds are "nice" numbers (1, 2, 3, 5 × 10ⁿ) spaced
 * evenly on a log scale up to the maximum, because incident counts are skewed (a few front-line oblasts hold most).
 * Colours are ColorBrewer's sequential YlOrRd without its palest step, spread over the classes present.
 */
public final class ChoroplethClasses {
    static final int MAX_CLASSES = 5;
    private static final List<Color> RAMP = List.of(Color.web("#fed976"), Color.web("#feb24c"), Color.web("#fd8d3c"),
            Color.web("#f03b20"), Color.web("#bd0026"));
    private static final int[] NICE = {1, 2, 3, 5};

    /** Counts from {@code from} to {@code to} inclusive get {@code colour}. */
    public record CountClass(long from, long to, Color colour) {
        public String range() {
            return from == to ? Long.toString(from) : from + "\u2013" + to;
        }
    }

    private final List<CountClass> classes;

    private ChoroplethClasses(List<CountClass> classes) {
        this.classes = List.copyOf(classes);
    }

    public static ChoroplethClasses of(Collection<Long> counts) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        List<Long> uppers = upperBounds(max);
        List<CountClass> classes = new ArrayList<>();
        long from = 1;
        for (int i = 0; i < uppers.size(); i++) {
            classes.add(new CountClass(from, uppers.get(i), RAMP.get(rampIndex(i, uppers.size()))));
            from = uppers.get(i) + 1;
        }
        return new ChoroplethClasses(classes);
    }

    static List<Long> upperBounds(long max) {
        List<Long> uppers = new ArrayList<>();
        if (max <= MAX_CLASSES) {
            for (long c = 1; c <= max; c++) {
                uppers.add(c);
            }
            return uppers;
        }
        for (int i = 1; i < MAX_CLASSES; i++) {
            long bound = nearestNice(Math.pow(max, (double) i / MAX_CLASSES));
            if (bound < max && (uppers.isEmpty() || bound > uppers.get(uppers.size() - 1))) {
                uppers.add(bound);
            }
        }
        uppers.add(max);
        return uppers;
    }

    /** The 1-2-3-5 number closest to {@code target} on a log scale. */
    private static long nearestNice(double target) {
        long best = 1;
        double bestDistance = Double.MAX_VALUE;
        for (long magnitude = 1; magnitude <= target * 10; magnitude *= 10) {
            for (int step : NICE) {
                long candidate = step * magnitude;
                double distance = Math.abs(Math.log(candidate / target));
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int rampIndex(int index, int count) {
        return count == 1 ? RAMP.size() / 2 : (int) Math.round(index * (RAMP.size() - 1.0) / (count - 1));
    }

    /** Lowest first; empty when every count is zero. */
    public List<CountClass> classes() {
        return classes;
    }

    /** The fill for a count: none for zero (or a count outside the classes). */
    public Optional<Color> colourOf(long count) {
        return classes.stream().filter(c -> count >= c.from() && count <= c.to()).map(CountClass::colour).findFirst();
    }
}
