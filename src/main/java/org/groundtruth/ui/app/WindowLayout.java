package org.groundtruth.ui.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the investigator left an investigation: the window's divider positions (fractions 0..1), the selected
 * work-area and incident tabs, the incident, the evidence item and the video frame on screen.
 */
public record WindowLayout(List<Double> columnDividers, Optional<Double> detailsDivider, int workAreaTab,
        int incidentTab, Optional<String> incidentId, Optional<String> evidenceId, Optional<Long> frame) {

    public WindowLayout {
        columnDividers = List.copyOf(columnDividers);
        for (double d : columnDividers) {
            requireFraction(d);
        }
        detailsDivider.ifPresent(WindowLayout::requireFraction);
        if (workAreaTab < 0 || incidentTab < 0) {
            throw new IllegalArgumentException("tab index must be >= 0");
        }
        frame.ifPresent(f -> {
            if (f < 0) {
                throw new IllegalArgumentException("frame must be >= 0: " + f);
            }
        });
    }

    public static final WindowLayout NONE = new WindowLayout(List.of(), Optional.empty(), 0, 0, Optional.empty(),
            Optional.empty(), Optional.empty());

    private static void requireFraction(double d) {
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException("divider position must be within 0..1: " + d);
        }
    }

    void write(Properties p, String prefix) {
        p.setProperty(prefix + "columns", String.join(",", columnDividers.stream().map(String::valueOf).toList()));
        detailsDivider.ifPresent(d -> p.setProperty(prefix + "details", String.valueOf(d)));
        p.setProperty(prefix + "workAreaTab", String.valueOf(workAreaTab));
        p.setProperty(prefix + "incidentTab", String.valueOf(incidentTab));
        incidentId.ifPresent(id -> p.setProperty(prefix + "incident", id));
        evidenceId.ifPresent(id -> p.setProperty(prefix + "evidence", id));
        frame.ifPresent(f -> p.setProperty(prefix + "frame", String.valueOf(f)));
    }

    /** The layout stored under {@code prefix}; a damaged entry is no layout (the defaults), never an error. */
    static Optional<WindowLayout> read(Properties p, String prefix) {
        if (p.getProperty(prefix + "workAreaTab") == null) {
            return Optional.empty();
        }
        try {
            String columns = p.getProperty(prefix + "columns", "");
            return Optional.of(new WindowLayout(columns.isBlank() ? List.of()
                    : Arrays.stream(columns.split(",")).map(Double::valueOf).toList(),
                    Optional.ofNullable(p.getProperty(prefix + "details")).map(Double::valueOf),
                    Integer.parseInt(p.getProperty(prefix + "workAreaTab")),
                    Integer.parseInt(p.getProperty(prefix + "incidentTab", "0")),
                    Optional.ofNullable(p.getProperty(prefix + "incident")),
                    Optional.ofNullable(p.getProperty(prefix + "evidence")),
                    Optional.ofNullable(p.getProperty(prefix + "frame")).map(Long::valueOf)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
