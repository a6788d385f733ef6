package kz.qorgau.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
 * waiting for a reviewer. What is not here yet (no package cycles; no package using another capability's
 * entities or repositories) is listed in issue 17's note with the violations it would reveal.
 */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("kz.qorgau");

    private static final String[] CAPABILITIES = {"kz.qorgau.agency..", "kz.qorgau.audit..", "kz.qorgau.caseaccess..",
        "kz.qorgau.casefile..", "kz.qorgau.consent..", "kz.qorgau.demo..", "kz.qorgau.incident..",
        "kz.qorgau.notification..", "kz.qorgau.privacy..", "kz.qorgau.protectiveorder..", "kz.qorgau.ratelimit..",
        "kz.qorgau.referral..", "kz.qorgau.risk..", "kz.qorgau.statistics..", "kz.qorgau.tenant.."};

    @Test
    void theDomainRulesAreFreeOfFrameworks() {
        // Plain Java that a unit test reaches without a server; the OpenAPI annotations only document.
        classes().that().belongToAnyOf(ReferralStateMachine.class, ReferralSides.class, TransitionRequirements.class,
                        SharingRules.class, CaseRules.class, Standing.class, AccessRules.class, Questionnaire.class,
                        OrderStatus.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "kz.qorgau..",
                        "org.eclipse.microprofile.openapi.annotations..")
                .check(SERVICE);
    }

    @Test
    void securityAndCommonKnowNoCapability() {
        noClasses().that().resideInAnyPackage("kz.qorgau.security..", "kz.qorgau.common..")
                .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
                .check(SERVICE);
    }

    @Test
    void whatAnAgencySeesOfHerIsDecidedByCaseAccessAlone() {
        noClasses().that().resideOutsideOfPackages("kz.qorgau.caseaccess..", "kz.qorgau.consent..")
                .should().callMethod(SharingRules.class, "forAgency", boolean.class, boolean.class, java.util.Set.class,
                        boolean.class)
                .orShould().callMethod(Consent.class, "covers", java.util.UUID.class, kz.qorgau.agency.AgencyKind.class,
                        java.time.Instant.class)
                .allowEmptyShould(true)
                .because("one place decides disclosure (issue 17)")
                .check(SERVICE);
    }
}
