package io.github.spndoctor.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering, checked on the compiled classes (ADR 0004): core knows neither the app nor JavaFX and its packages
 * form no cycle; a page's view talks to its page model, not to services, sessions or the directory; the CLI commands
 * and the page models reach the directory only through the core repair session (plus opening, closing and the
 * forest scan, which is not a repair).
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.spndoctor");
    }

    @Test
    void core_importsNeitherTheAppNorJavaFx() {
        noClasses().that().resideInAPackage("io.github.spndoctor.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.spndoctor.app..", "javafx..")
                .check(classes);
    }

    @Test
    void corePackages_areFreeOfCycles() {
        slices().matching("io.github.spndoctor.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pageViews_talkOnlyToTheirPageModel() {
        ArchRule rule = noClasses().that().resideInAPackage("io.github.spndoctor.app.page..")
                .and().haveSimpleNameEndingWith("Page")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.spndoctor.app.session..",
                        "io.github.spndoctor.app.plan..", "io.github.spndoctor.core.session..",
                        "io.github.spndoctor.core.directory..")
                .orShould().callMethodWhere(target("io.github.spndoctor.core.remedy.Remedies"))
                .orShould().callMethodWhere(target("io.github.spndoctor.core.apply.PlanExecutor"))
                .orShould().callMethodWhere(target("io.github.spndoctor.core.remedy.Verifier"))
                .orShould().callMethodWhere(target("io.github.spndoctor.core.diagnosis.Diagnoser"))
                .because("a view binds to its page model; the model asks the repair session");
        rule.check(classes);
    }

    /** The Directory methods that read or write SPNs: only the core reaches them. */
    static final Set<String> DIRECTORY_WORK = Set.of("lookup", "apply", "findHolders", "findDelegatingTo", "readAccount");

    @Test
    void cliAndPageModels_reachTheDirectoryOnlyThroughTheSession() {
        noClasses().that().resideInAnyPackage("io.github.spndoctor.app.cli..", "io.github.spndoctor.app.page..",
                        "io.github.spndoctor.app.session..", "io.github.spndoctor.app.plan..")
                .and().areNotAssignableTo(io.github.spndoctor.core.directory.Directory.class)   // decorators pass calls on
                .should().callMethodWhere(new DescribedPredicate<JavaAccess<?>>("calls Directory lookup/apply/reads") {
                    @Override
                    public boolean test(JavaAccess<?> a) {
                        return a.getTargetOwner().isAssignableTo(io.github.spndoctor.core.directory.Directory.class)
                                && DIRECTORY_WORK.contains(a.getName());
                    }
                })
                .orShould().callMethodWhere(target("io.github.spndoctor.core.remedy.Remedies"))
                .orShould().callMethodWhere(new DescribedPredicate<JavaAccess<?>>("calls PlanExecutor apply/recheck") {
                    @Override
                    public boolean test(JavaAccess<?> a) {
                        return a.getTargetOwner().getName().equals("io.github.spndoctor.core.apply.PlanExecutor")
                                && !a.getName().equals("auditLog");
                    }
                })
                .orShould().callMethodWhere(target("io.github.spndoctor.core.remedy.Verifier"))
                .because("the wizard and the CLI are two faces of the core repair session (ADR 0004)")
                .check(classes);
    }

    /** A trainer's break is a repair-session plan (ADR 0720): the faces never recheck or apply one themselves. */
    @Test
    void breaks_goThroughTheSession() {
        noClasses().that().resideInAPackage("io.github.spndoctor.app..")
                .should().callMethodWhere(target("io.github.spndoctor.core.demo.BreakRules"))
                .because("the wizard and demo break commit a break through RepairSession.planBreak/commit (ADR 0720)")
                .check(classes);
    }

    private static DescribedPredicate<JavaAccess<?>> target(String owner) {
        return new DescribedPredicate<>("calls " + owner) {
            @Override
            public boolean test(JavaAccess<?> a) {
                return a.getTargetOwner().getName().equals(owner);
            }
        };
    }
}
