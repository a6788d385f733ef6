package kz.qorgau.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import kz.qorgau.caseaccess.CaseRules;
import kz.qorgau.caseaccess.SharingRules;
import kz.qorgau.caseaccess.Standing;
import kz.qorgau.consent.Consent;
import kz.qorgau.protectiveorder.OrderStatus;
import kz.qorgau.referral.ReferralSides;
import kz.qorgau.referral.ReferralStateMachine;
import kz.qorgau.referral.TransitionRequirements;
import kz.qorgau.risk.Questionnaire;
import kz.qorgau.security.AccessRules;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the design as tests, so that a change that crosses one fails the build instead of
 * waiting for a reviewer.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.qorgau");

    private static final String[] CAPABILITIES = {
        "kz.qorgau.agency..",
        "kz.qorgau.audit..",
        "kz.qorgau.caseaccess..",
        "kz.qorgau.casefile..",
        "kz.qorgau.children..",
        "kz.qorgau.conference..",
        "kz.qorgau.consent..",
        "kz.qorgau.demo..",
        "kz.qorgau.document..",
        "kz.qorgau.emergencyaccess..",
        "kz.qorgau.external..",
        "kz.qorgau.idempotency..",
        "kz.qorgau.incident..",
        "kz.qorgau.matching..",
        "kz.qorgau.me..",
        "kz.qorgau.notification..",
        "kz.qorgau.perpetrator..",
        "kz.qorgau.privacy..",
        "kz.qorgau.protectiveorder..",
        "kz.qorgau.ratelimit..",
        "kz.qorgau.referral..",
        "kz.qorgau.risk..",
        "kz.qorgau.safecontact..",
        "kz.qorgau.statistics..",
        "kz.qorgau.tenant.."
    };

    @Test
    void theDomainRulesAreFreeOfFrameworks() {
        // Plain Java that a unit test reaches without a server; the OpenAPI annotations only document.
        classes()
                .that()
                .belongToAnyOf(
                        ReferralStateMachine.class,
                        ReferralSides.class,
                        TransitionRequirements.class,
                        SharingRules.class,
                        CaseRules.class,
                        Standing.class,
                        AccessRules.class,
                        Questionnaire.class,
                        OrderStatus.class,
                        kz.qorgau.external.ExternalLinkRules.class)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "kz.qorgau..", "org.eclipse.microprofile.openapi.annotations..")
                .check(SERVICE);
    }

    @Test
    void securityAndCommonKnowNoCapability() {
        noClasses()
                .that()
                .resideInAnyPackage("kz.qorgau.security..", "kz.qorgau.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CAPABILITIES)
                .check(SERVICE);
    }

    @Test
    void whatAnAgencySeesOfHerIsDecidedByCaseAccessAlone() {
        noClasses()
                .that()
                .resideOutsideOfPackages("kz.qorgau.caseaccess..", "kz.qorgau.consent..")
                .should()
                .callMethod(
                        SharingRules.class,
                        "forAgency",
                        boolean.class,
                        boolean.class,
                        java.util.Set.class,
                        boolean.class)
                .orShould()
                .callMethod(
                        Consent.class,
                        "covers",
                        java.util.UUID.class,
                        kz.qorgau.agency.AgencyKind.class,
                        java.time.Instant.class)
                .allowEmptyShould(true)
                .because("one place decides disclosure (issue 17)")
                .check(SERVICE);
    }

    @Test
    void onlyTheRecipientsPageActsWithoutAToken() {
        noClasses()
                .that()
                .resideOutsideOfPackage("kz.qorgau.external..")
                .should()
                .callMethod(
                        kz.qorgau.security.CurrentCaller.class,
                        "actAsExternalRecipient",
                        String.class,
                        java.util.UUID.class,
                        String.class,
                        String.class)
                .because("a caller without a token is the recipient a link and its code identified, and no one else")
                .check(SERVICE);
    }

    @Test
    void noCapabilityDependsOnItselfThroughAnother() {
        slices().matching("kz.qorgau.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void aCapabilitysEntitiesAndRepositoriesAreItsOwn() {
        // Others ask its service (or the case access) and get values: a capability can change its tables
        // without the others noticing, and no one decides from another's rows what it may show.
        classes()
                .that(entitiesOrRepositories())
                .should(beUsedOnlyInTheirOwnPackage())
                .check(SERVICE);
    }

    private static DescribedPredicate<JavaClass> entitiesOrRepositories() {
        return DescribedPredicate.describe(
                "entities or repositories",
                c -> c.isAnnotatedWith("jakarta.persistence.Entity")
                        || c.getSimpleName().endsWith("Repository"));
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass owned, ConditionEvents events) {
                owned.getDirectDependenciesToSelf().stream()
                        .filter(d -> !d.getOriginClass().getPackageName().equals(owned.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }
}
