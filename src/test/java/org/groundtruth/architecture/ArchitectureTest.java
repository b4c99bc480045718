package org.groundtruth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward: ui and cli → store, media, map → core (DESIGN.md). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.groundtruth");
    }

    @Test
    void coreIsPlainJava() {
        noClasses().that().resideInAPackage("org.groundtruth.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.sqlite..",
                        "org.bytedeco..", "picocli..", "org.groundtruth.store..", "org.groundtruth.media..",
                        "org.groundtruth.map..", "org.groundtruth.ui..", "org.groundtruth.cli..")
                .check(classes);
    }

    @Test
    void cliRunsWithoutAToolkit() {
        noClasses().that().resideInAPackage("org.groundtruth.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.groundtruth.ui..")
                .check(classes);
    }

    @Test
    void storeMediaAndMapDoNotReachOutward() {
        noClasses().that().resideInAnyPackage("org.groundtruth.store..", "org.groundtruth.media..",
                        "org.groundtruth.map..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.groundtruth.ui..",
                        "org.groundtruth.cli..")
                .check(classes);
    }

    /** Peers do not reach into each other: the report's pictures come to the store through core.casefile ports. */
    @Test
    void storeMediaAndMapArePeers() {
        noClasses().that().resideInAPackage("org.groundtruth.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.groundtruth.media..", "org.groundtruth.map..")
                .check(classes);
        noClasses().that().resideInAPackage("org.groundtruth.media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.groundtruth.store..", "org.groundtruth.map..")
                .check(classes);
        noClasses().that().resideInAPackage("org.groundtruth.map..")
                .should().dependOnClassesThat().resideInAnyPackage("org.groundtruth.store..", "org.groundtruth.media..")
                .check(classes);
    }

    @Test
    void onlyTheStoreTalksToTheDatabase() {
        noClasses().that().resideInAnyPackage("org.groundtruth.ui..", "org.groundtruth.cli..",
                        "org.groundtruth.media..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
    }

    /** Every package can be changed without its dependants changing back: no package cycles. */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.groundtruth.(**)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * JavaFX views: the nodes, dialogs and windows of ui (not their ViewModels). {@code SettingsDialog} edits a
     * {@code SettingsViewModel} (decision 1346), so there is no exception.
     */
    private static final DescribedPredicate<JavaClass> VIEWS = new DescribedPredicate<>("JavaFX views") {
        @Override
        public boolean test(JavaClass c) {
            return c.getPackageName().startsWith("org.groundtruth.ui.") && !c.getSimpleName().endsWith("ViewModel")
                    && (c.isAssignableTo("javafx.scene.Node") || c.isAssignableTo("javafx.stage.Window")
                            || c.isAssignableTo("javafx.scene.control.Dialog") || c.getSimpleName().endsWith("View"));
        }
    };

    /**
     * Views bind to ViewModels and use ui.common; the store is reached only through ViewModels and the window's
     * wiring classes ({@code WorkbenchWiring}, {@code FeatureWiring}), never from a view (DESIGN.md, MVVM).
     */
    @Test
    void viewsDependOnlyOnViewModelsAndUiCommon() {
        noClasses().that(VIEWS).should().dependOnClassesThat().resideInAPackage("org.groundtruth.store..")
                .check(classes);
    }
}
