package vn.hoctap;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of CONVENTIONS.md: features do not reach into each other's pages or APIs, a
 * feature's core never depends on its own web or api layer, and the platform and shared code
 * depend on no feature.
 */
class ArchitectureTest {

    static final List<String> FEATURES = List.of("identity", "catalog", "library", "assessment", "records",
            "training", "centres", "learningcity", "reporting");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.hoctap");
    }

    @Test
    void platformAndSharedDependOnNoFeature() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAnyPackage("vn.hoctap.platform..", "vn.hoctap.shared..")
                    .should().dependOnClassesThat().resideInAPackage("vn.hoctap." + feature + "..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void sharedDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("vn.hoctap.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.hoctap.platform..", "vn.hoctap.launcher..")
                .check(classes);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesWebOrApi() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("vn.hoctap." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("vn.hoctap." + feature + ".web..",
                            "vn.hoctap." + feature + ".api..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void aFeaturesCoreDoesNotDependOnItsPagesOrApi() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("vn.hoctap." + feature + "..")
                    .and().resideOutsideOfPackages("vn.hoctap." + feature + ".web..", "vn.hoctap." + feature + ".api..")
                    .should().dependOnClassesThat().resideInAnyPackage("vn.hoctap." + feature + ".web..",
                            "vn.hoctap." + feature + ".api..")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    /**
     * Sessions are replicated between nodes: whatever a view or session keeps must serialise,
     * including the entities its tables hold.
     */
    @Test
    void entitiesAndViewScopedBeansAreSerializable() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .or().areAnnotatedWith(jakarta.faces.view.ViewScoped.class)
                .or().areAnnotatedWith(jakarta.enterprise.context.SessionScoped.class)
                .should().beAssignableTo(java.io.Serializable.class)
                .check(classes);
    }

    @Test
    void theApplicationDoesNotDependOnTheLauncher() {
        noClasses().that().resideOutsideOfPackage("vn.hoctap.launcher..")
                .should().dependOnClassesThat().resideInAPackage("vn.hoctap.launcher..")
                .check(classes);
    }
}
