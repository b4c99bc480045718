package org.groundtruth.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.analysis.StatsDimension;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The dashboard's ViewModel on the demo investigation, without a toolkit: background work runs inline. */
class DashboardViewModelTest {
    private static final Background INLINE = InlineBackground.INSTANCE;

    @TempDir
    Path dir;
    private Investigation investigation;
    private final Session session = new Session();
    private DashboardViewModel vm;

    @BeforeEach
    void open() {
        investigation = TestInvestigations.open(dir.resolve("demo"));
        DemoInvestigation.populateIfEmpty(investigation);
        session.analystProperty().set("Аналітик");
        vm = new DashboardViewModel(session, INLINE);
        session.investigationProperty().set(investigation);
    }

    @AfterEach
    void close() {
        investigation.close();
    }

    @Test
    void showsMonthsRegionsAndDoubleTapsWithTheFilterThatProducedThem() {
        assertThat(vm.seriesProperty().get().months()).extracting(m -> m.key() + "=" + m.total())
                .containsExactly("2025-06=2", "2025-07=5", "2025-08=3");
        assertThat(vm.filterTextProperty().get()).isEqualTo("Filter: all incidents");
        assertThat(vm.monthSummaryProperty().get()).contains("10 incidents counted", "busiest month 2025-07: 5 (+150%");
        assertThat(vm.regions()).first().satisfies(r -> assertThat(r.count()).isEqualTo(3));
        assertThat(vm.regionCounts()).containsEntry("Kharkiv Oblast", 2L).containsEntry("Kherson Oblast", 3L);
        assertThat(vm.doubleTaps()).hasSize(2);
        DoubleTapRow nikopol = vm.doubleTaps().get(0);
        assertThat(nikopol.secondLabel()).contains("Nikopol");
        assertThat(nikopol.pair().gapSeconds()).isEqualTo(50 * 60);
        assertThat(nikopol.decision()).isEmpty();
        assertThat(vm.mapPairs()).hasSize(2).allSatisfy(p -> assertThat(p.state()).isEqualTo("undecided"));
        assertThat(vm.mapPairs().get(1).label()).contains("43 min");
        assertThat(vm.doubleTapSummaryProperty().get()).startsWith("2 suspected follow-up strikes in 2 groups");
    }

    @Test
    void filtersAndStackingRecomputeAndAreNamed() {
        vm.statusProperty().set(new Choice<VerificationStatus>(Optional.of(VerificationStatus.IN_PROGRESS), "filter.allStatuses"));
        assertThat(vm.filterTextProperty().get()).isEqualTo("Filter: status In progress");
        assertThat(vm.seriesProperty().get().total()).isEqualTo(2);
        assertThat(vm.doubleTaps()).as("only one strike of each pair is in progress").isEmpty();

        vm.statusProperty().set(new Choice<VerificationStatus>(Optional.<VerificationStatus>empty(), "filter.allStatuses"));
        vm.fromDateProperty().set(LocalDate.of(2025, 7, 1));
        vm.toDateProperty().set(LocalDate.of(2025, 7, 31));
        vm.stackByProperty().set(new StackChoice(Optional.of(StatsDimension.TARGET_TYPE)));
        assertThat(vm.filterTextProperty().get()).isEqualTo("Filter: occurred 2025-07-01 to 2025-07-31");
        assertThat(vm.seriesProperty().get().months()).singleElement().satisfies(m -> {
            assertThat(m.total()).isEqualTo(5);
            assertThat(m.stacks()).containsEntry("emergency_personnel", 2L).containsEntry("fire_engine", 2L);
        });
        vm.tagsProperty().set("double-tap");
        vm.refresh();
        assertThat(vm.filterTextProperty().get()).endsWith("; tagged double-tap");
        assertThat(vm.seriesProperty().get().total()).isEqualTo(2);

        vm.toDateProperty().set(LocalDate.of(2025, 6, 1));
        assertThat(vm.messageProperty().get()).contains("date range is empty");
    }

    @Test
    void badDoubleTapParametersSayWhatIsWrongAndKeepTheLastResult() {
        vm.radiusProperty().set("-5");
        vm.refresh();
        assertThat(vm.messageProperty().get()).contains("Radius \u201c-5\u201d");
        assertThat(vm.doubleTaps()).hasSize(2);
        vm.radiusProperty().set("500");
        vm.windowProperty().set("45m");
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.doubleTaps()).singleElement().satisfies(r -> assertThat(r.pair().gapSeconds()).isEqualTo(43 * 60));
        vm.windowProperty().set("soon");
        vm.refresh();
        assertThat(vm.messageProperty().get()).contains("Window \u201csoon\u201d");
    }

    @Test
    void confirmingAPairMarksTheFollowUpAndShowsTheDecision() {
        DoubleTapRow kharkiv = vm.doubleTaps().get(1);
        java.util.List<org.groundtruth.core.incident.Incident> changed = new java.util.ArrayList<>();
        vm.setOnIncidentChanged(changed::add);
        boolean[] saved = {false};
        vm.decide(kharkiv, DoubleTapVerdict.CONFIRMED, "та сама позиція", () -> saved[0] = true);
        assertThat(saved[0]).isTrue();
        assertThat(changed).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(kharkiv.pair().second());
            assertThat(i.strikeSequence()).isEqualTo(StrikeSequence.FOLLOW_UP);
        });
        assertThat(vm.messageProperty().get()).isEqualTo("Decision saved: Confirmed");
        assertThat(vm.doubleTaps().get(1).decision()).contains(DoubleTapVerdict.CONFIRMED);
        assertThat(vm.mapPairs().get(1).state()).isEqualTo("confirmed");
        assertThat(investigation.incidents().get(kharkiv.pair().second()).strikeSequence())
                .isEqualTo(StrikeSequence.FOLLOW_UP);
        assertThat(investigation.custody().history("double_tap", kharkiv.pair().first() + ">" + kharkiv.pair().second()))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("Аналітик"));
    }

    @Test
    void exportsTheChartAsWellFormedSvgWithTheFilter() throws Exception {
        vm.stackByProperty().set(new StackChoice(Optional.of(StatsDimension.STATUS)));
        Path svg = dir.resolve("графік.svg");
        vm.exportSvg(svg);
        assertThat(vm.messageProperty().get()).isEqualTo("Saved графік.svg");
        String text = Files.readString(svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(text).contains("Incidents per month (UTC)", "Filter: all incidents", "2025-07", "(+150%)",
                "Ready for review");
        assertThat(text.split("class=\"bar\"", -1).length - 1).as("one rect per month and status present")
                .isEqualTo((int) vm.seriesProperty().get().months().stream().mapToLong(m -> m.stacks().size()).sum());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
