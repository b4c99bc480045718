package org.groundtruth.ui.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.analysis.CountRow;
import org.groundtruth.core.analysis.CountTable;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.analysis.DoubleTapGroup;
import org.groundtruth.core.analysis.DoubleTapPair;
import org.groundtruth.core.analysis.DoubleTapParameters;
import org.groundtruth.core.analysis.DoubleTapReport;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.analysis.IncidentFilter;
import org.groundtruth.core.analysis.MonthlyChartSvg;
import org.groundtruth.core.analysis.MonthlySeries;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.Errors;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.UnitText;

/**
 * The analysis dashboard: filters, incidents per month (optionally stacked) with month-over-month change, per
 * region, the double-tap list with confirm/dismiss, and chart export. Every number is shown with the filter that
 * produced it. Work runs in the background; a result that arrives after a newer request is dropped.
 */
public final class DashboardViewModel {
    private final Session session;
    private final Background background;
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<VerificationStatus>> status = new SimpleObjectProperty<>(
            new Choice<VerificationStatus>(Optional.<VerificationStatus>empty(), "filter.allStatuses"));
    private final ObjectProperty<Choice<TargetType>> targetType = new SimpleObjectProperty<>(
            new Choice<TargetType>(Optional.<TargetType>empty(), "analysis.allTargets"));
    private final ObjectProperty<Choice<StrikeType>> strikeType = new SimpleObjectProperty<>(
            new Choice<StrikeType>(Optional.<StrikeType>empty(), "analysis.allStrikeTypes"));
    private final StringProperty tags = new SimpleStringProperty("");
    private final ObjectProperty<StackChoice> stackBy = new SimpleObjectProperty<>(StackChoice.NONE);
    private final StringProperty radius = new SimpleStringProperty("500");
    private final StringProperty window = new SimpleStringProperty(I18n.t("analysis.windowDefault"));

    private final ObjectProperty<MonthlySeries> series = new SimpleObjectProperty<>();
    private final ObservableList<CountRow> regions = FXCollections.observableArrayList();
    private final ObservableMap<String, Long> regionCounts = FXCollections.observableHashMap();
    private final ObservableList<DoubleTapRow> doubleTaps = FXCollections.observableArrayList();
    private final ObservableList<MapPair> mapPairs = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty monthSummary = new SimpleStringProperty("");
    private final StringProperty regionSummary = new SimpleStringProperty("");
    private final StringProperty doubleTapSummary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<RegionTotals> regionTotals = new SimpleObjectProperty<>(RegionTotals.NONE);
    private final javafx.beans.property.BooleanProperty showRegionsOnMap = new javafx.beans.property.SimpleBooleanProperty(false);
    private long generation;
    private java.util.function.Consumer<Incident> onIncidentChanged = incident -> { };

    public DashboardViewModel(Session session, Background background) {
        this.session = session;
        this.background = background;
        fromDate.addListener((o, was, now) -> refresh());
        toDate.addListener((o, was, now) -> refresh());
        status.addListener((o, was, now) -> refresh());
        targetType.addListener((o, was, now) -> refresh());
        strikeType.addListener((o, was, now) -> refresh());
        stackBy.addListener((o, was, now) -> refresh());
        session.investigationProperty().addListener(followInvestigation);
    }

    private final javafx.beans.value.ChangeListener<Object> followInvestigation = (o, was, now) -> refresh();

    /** Stops following the session (the window that showed this dashboard was rebuilt or closed). */
    public void dispose() {
        session.investigationProperty().removeListener(followInvestigation);
    }

    /** What the dashboard computes in one background job. */
    private record Result(IncidentFilter filter, MonthlySeries series, CountTable regions, DoubleTapReport report,
            List<DoubleTapRow> rows) {
    }

    /** Recomputes everything for the current filter and double-tap parameters. */
    public void refresh() {
        Optional<Investigation> open = session.investigation();
        if (open.isEmpty()) {
            clear();
            return;
        }
        IncidentFilter filter;
        DoubleTapParameters parameters;
        try {
            filter = filter();
            parameters = parameters();
        } catch (IllegalArgumentException e) {
            message.set(Errors.message(e));
            return;
        }
        Investigation inv = open.get();
        Optional<StatsDimension> stack = stackBy.get() == null ? Optional.empty() : stackBy.get().dimension();
        long mine = ++generation;
        message.set("");
        background.run(I18n.t("task.analysis"), progress -> {
            MonthlySeries months = inv.patterns().monthly(filter, stack);
            CountTable byRegion = inv.patterns().count(filter, StatsDimension.ADMIN1);
            DoubleTapReport report = inv.patterns().doubleTaps(filter, parameters, progress);
            return new Result(filter, months, byRegion, report, rows(inv, report));
        }, result -> {
            if (mine == generation) {
                show(result);
            }
        }, error -> {
            if (mine == generation) {
                message.set(Errors.message(error));
            }
        });
    }

    private void show(Result r) {
        filterText.set(I18n.t("analysis.filter", describe(r.filter)));
        series.set(r.series);
        monthSummary.set(I18n.t("analysis.totals", r.series.total(), r.series.withoutTime())
                + r.series.busiest().filter(m -> m.total() > 0).map(m -> " \u00b7 " + I18n.t("analysis.busiest", m.key(),
                        m.total(), m.change().map(c -> c.text()).orElse("\u2013"))).orElse(""));
        regions.setAll(r.regions.rows().stream().sorted((a, b) -> Long.compare(b.count(), a.count())).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        r.regions.rows().forEach(row -> counts.put(row.key(), row.count()));
        regionCounts.clear();
        regionCounts.putAll(counts);
        regionSummary.set(I18n.t("analysis.regionTotals", r.regions.counted(), r.regions.skipped()));
        regionTotals.set(new RegionTotals(counts, filterText.get(), regionSummary.get()));
        doubleTaps.setAll(r.rows);
        mapPairs.setAll(r.rows.stream().filter(row -> row.firstPosition().isPresent() && row.secondPosition().isPresent())
                .map(row -> new MapPair(row.pair().first(), row.pair().second(), row.firstPosition().get(),
                        row.secondPosition().get(), distance(row.pair()) + ", " + gap(row.pair()),
                        row.decision().map(d -> d.code()).orElse("undecided"))).toList());
        DoubleTapReport report = r.report;
        doubleTapSummary.set(I18n.t("analysis.doubleTapSummary", report.pairs().size(), report.groups().size(),
                report.considered(), report.skipped(), report.withoutLocation(), report.withoutTime()));
        if (r.series.months().isEmpty() && r.regions.matched() == 0) {
            message.set(I18n.t("analysis.noData"));
        }
    }

    private static List<DoubleTapRow> rows(Investigation inv, DoubleTapReport report) {
        Set<String> ids = new HashSet<>();
        report.pairs().forEach(p -> ids.addAll(List.of(p.first(), p.second())));
        Map<String, Incident> incidents = inv.patterns().incidents(ids);
        Map<String, DoubleTapVerdict> decisions = new HashMap<>();
        for (DoubleTapDecision d : inv.patterns().decisions()) {
            decisions.put(d.pairKey(), d.verdict());
        }
        List<DoubleTapRow> rows = new ArrayList<>();
        Map<String, Integer> groupNumbers = report.groupNumbers();
        for (DoubleTapPair p : report.pairs()) {
            int number = groupNumbers.get(p.second());
            DoubleTapGroup group = report.groups().get(number - 1);
            Optional<Incident> a = Optional.ofNullable(incidents.get(p.first()));
            Optional<Incident> b = Optional.ofNullable(incidents.get(p.second()));
            rows.add(new DoubleTapRow(p, number, group.incidentIds().size(), label(a, p.first()),
                    label(b, p.second()), a.flatMap(Incident::occurredAt), b.flatMap(Incident::occurredAt),
                    a.flatMap(Incident::location), b.flatMap(Incident::location),
                    Optional.ofNullable(decisions.get(DoubleTapDecision.pairKey(p.first(), p.second())))));
        }
        return rows;
    }

    private static String label(Optional<Incident> incident, String id) {
        return incident.map(i -> i.placeName().isBlank() ? i.title() : i.placeName() + " \u2014 " + i.title()).orElse(id);
    }

    /**
     * Who to tell when a decision changed an incident (a confirmation sets the follow-up's strike sequence): the
     * window reloads its list and form, so a stale copy is never saved over the change.
     */
    public void setOnIncidentChanged(java.util.function.Consumer<Incident> listener) {
        onIncidentChanged = java.util.Objects.requireNonNull(listener, "listener");
    }

    private record Decided(DoubleTapDecision decision, Incident followUp) {
    }

    /** Confirms or dismisses a suspected double tap, with the reason, then refreshes. */
    public void decide(DoubleTapRow row, DoubleTapVerdict verdict, String reason, Runnable onSaved) {
        Optional<Investigation> open = session.investigation();
        if (open.isEmpty()) {
            return;
        }
        String analyst = session.analyst();
        Investigation inv = open.get();
        background.run(I18n.t("task.decide"), progress -> {
            DoubleTapDecision decision = inv.patterns().decide(row.pair().first(), row.pair().second(), verdict,
                    analyst, reason == null ? "" : reason.strip());
            return new Decided(decision, inv.incidents().get(row.pair().second()));
        }, decided -> {
            refresh();
            message.set(I18n.t("analysis.decided", I18n.label(decided.decision().verdict())));
            onSaved.run();
            onIncidentChanged.accept(decided.followUp());
        }, error -> message.set(Errors.message(error)));
    }

    /** Writes the monthly chart as SVG to {@code target} (temp file, then rename), off the FX thread. */
    public void exportSvg(Path target) {
        MonthlySeries shown = series.get();
        if (shown == null) {
            return;
        }
        Optional<StatsDimension> stack = shown.stackBy();
        String svg = MonthlyChartSvg.render(shown, I18n.t("analysis.perMonth"), filterText.get(),
                key -> StackLabels.label(stack, key), 1200, 640);
        write(target, svg.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes already encoded chart bytes (a PNG from the view's snapshot) to {@code target}, off the FX thread. */
    public void write(Path target, byte[] content) {
        background.run(I18n.t("task.export"), progress -> {
            writeAtomically(target, content);
            return target;
        }, saved -> message.set(I18n.t("analysis.exported", saved.getFileName())),
                error -> message.set(Errors.message(error)));
    }

    /** Encodes the bytes in the background first (PNG encoding is too slow for the FX thread), then writes them. */
    public void write(Path target, Background.Work<byte[]> encode) {
        background.run(I18n.t("task.export"), progress -> {
            writeAtomically(target, encode.run(progress));
            return target;
        }, saved -> message.set(I18n.t("analysis.exported", saved.getFileName())),
                error -> message.set(Errors.message(error)));
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        // A sibling temp file (same file system, so the rename is atomic) created with the default permissions:
        // Files.createTempFile would make the export readable by its owner only.
        Path temp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(temp, content, java.nio.file.StandardOpenOption.CREATE_NEW);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    IncidentFilter filter() {
        Optional<LocalDate> from = Optional.ofNullable(fromDate.get());
        Optional<LocalDate> to = Optional.ofNullable(toDate.get());
        Set<String> tagSet = java.util.Arrays.stream(tags.get() == null ? new String[0] : tags.get().split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        try {
            return new IncidentFilter(from.map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)),
                    to.map(d -> d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                    status.get() == null ? Set.of() : status.get().value().map(Set::of).orElse(Set.of()),
                    targetType.get() == null ? Set.of() : targetType.get().value().map(Set::of).orElse(Set.of()),
                    strikeType.get() == null ? Set.of() : strikeType.get().value().map(Set::of).orElse(Set.of()), tagSet);
        } catch (IllegalArgumentException emptyRange) {
            throw new BadInputException(I18n.t("analysis.badRange"));
        }
    }

    DoubleTapParameters parameters() {
        double metres;
        try {
            metres = Double.parseDouble(radius.get().strip().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadInputException(I18n.t("analysis.badRadius", radius.get()));
        }
        if (!Double.isFinite(metres) || metres < 0 || metres > DoubleTapParameters.MAX_RADIUS_METERS) {
            throw new BadInputException(I18n.t("analysis.badRadius", radius.get()));
        }
        Duration duration;
        try {
            duration = DoubleTapParameters.parseDuration(window.get(), "window");
            return new DoubleTapParameters(metres, duration);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(I18n.t("analysis.badWindow", window.get()));
        }
    }

    /** The filter in the window's language. */
    static String describe(IncidentFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.hasTimeBounds()) {
            parts.add(I18n.t("analysis.filter.occurred", f.from().map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().toString())
                    .orElse("\u2026"), f.until().map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).toString())
                    .orElse("\u2026")));
        }
        if (!f.statuses().isEmpty()) {
            parts.add(I18n.t("analysis.filter.status", f.statuses().stream().map(I18n::label).sorted()
                    .collect(Collectors.joining(", "))));
        }
        if (!f.targetTypes().isEmpty()) {
            parts.add(I18n.t("analysis.filter.target", f.targetTypes().stream().map(I18n::label).sorted()
                    .collect(Collectors.joining(", "))));
        }
        if (!f.strikeTypes().isEmpty()) {
            parts.add(I18n.t("analysis.filter.strike", f.strikeTypes().stream().map(I18n::label).sorted()
                    .collect(Collectors.joining(", "))));
        }
        if (!f.tags().isEmpty()) {
            parts.add(I18n.t("analysis.filter.tags", f.tags().stream().sorted().collect(Collectors.joining(", "))));
        }
        return parts.isEmpty() ? I18n.t("analysis.filter.all") : String.join("; ", parts);
    }

    static String distance(DoubleTapPair p) {
        return UnitText.distance(p.distanceMeters());
    }

    static String gap(DoubleTapPair p) {
        return UnitText.duration(p.gapSeconds());
    }

    private void clear() {
        series.set(null);
        regions.clear();
        regionCounts.clear();
        regionTotals.set(RegionTotals.NONE);
        doubleTaps.clear();
        mapPairs.clear();
        filterText.set("");
        monthSummary.set("");
        regionSummary.set("");
        doubleTapSummary.set("");
    }

    public ObjectProperty<LocalDate> fromDateProperty() { return fromDate; }
    public ObjectProperty<LocalDate> toDateProperty() { return toDate; }
    public ObjectProperty<Choice<VerificationStatus>> statusProperty() { return status; }
    public ObjectProperty<Choice<TargetType>> targetTypeProperty() { return targetType; }
    public ObjectProperty<Choice<StrikeType>> strikeTypeProperty() { return strikeType; }
    public StringProperty tagsProperty() { return tags; }
    public ObjectProperty<StackChoice> stackByProperty() { return stackBy; }
    public StringProperty radiusProperty() { return radius; }
    public StringProperty windowProperty() { return window; }
    public ReadOnlyObjectProperty<MonthlySeries> seriesProperty() { return series; }
    public ObservableList<CountRow> regions() { return regions; }
    /** Incidents per admin-1 region name (as recorded) under the current filter: the map's choropleth input. */
    public ObservableMap<String, Long> regionCounts() { return regionCounts; }
    /** The per-region counts with their filter, replaced as a whole after each refresh: what the map shades. */
    public ReadOnlyObjectProperty<RegionTotals> regionTotalsProperty() { return regionTotals; }
    /** Whether the map shows the incidents-per-region layer (the map's layer panel toggles the same state). */
    public javafx.beans.property.BooleanProperty showRegionsOnMapProperty() { return showRegionsOnMap; }
    public ObservableList<DoubleTapRow> doubleTaps() { return doubleTaps; }
    /** Suspected double taps with both positions: what the map draws as lines. */
    public ObservableList<MapPair> mapPairs() { return mapPairs; }
    public ReadOnlyStringProperty filterTextProperty() { return filterText; }
    public ReadOnlyStringProperty monthSummaryProperty() { return monthSummary; }
    public ReadOnlyStringProperty regionSummaryProperty() { return regionSummary; }
    public ReadOnlyStringProperty doubleTapSummaryProperty() { return doubleTapSummary; }
    public StringProperty messageProperty() { return message; }
}
