package kz.qorgau.datareport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.consent.DataCategory;
import kz.qorgau.datareport.DataHolders.Ground;
import kz.qorgau.datareport.DataHolders.Holder;
import kz.qorgau.datareport.DataHolders.HoldingBasis;
import kz.qorgau.datareport.DataHolders.Reading;
import org.junit.jupiter.api.Test;

class DataHoldersTest {

    static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID CENTRE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID HOSPITAL = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID QUIET = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void oneEntryPerAgencyTheLeadFirstThenTheLatestReader() {
        List<Holder> holders = DataHolders.of(
                LEAD,
                Map.of(
                        CENTRE,
                                List.of(
                                        new Ground(
                                                HoldingBasis.CONSENT, MONDAY.plusSeconds(60), null, UUID.randomUUID()),
                                        new Ground(
                                                HoldingBasis.EMERGENCY_EXCEPTION,
                                                MONDAY,
                                                MONDAY.plusSeconds(30),
                                                null)),
                        QUIET, List.of(new Ground(HoldingBasis.CONSENT, MONDAY, null, null))),
                List.of(
                        new Reading(LEAD, 9, MONDAY.plusSeconds(10), EnumSet.allOf(DataCategory.class)),
                        new Reading(
                                CENTRE,
                                2,
                                MONDAY.plusSeconds(100),
                                EnumSet.of(DataCategory.RISK, DataCategory.IDENTITY)),
                        new Reading(HOSPITAL, 1, MONDAY.plusSeconds(200), Set.of())),
                Map.of(CENTRE, EnumSet.of(DataCategory.INCIDENT_DETAILS, DataCategory.IDENTITY)));
        assertEquals(
                List.of(LEAD, HOSPITAL, CENTRE, QUIET),
                holders.stream().map(Holder::agency).toList());
        Holder lead = holders.get(0);
        assertEquals(
                List.of(HoldingBasis.LEAD_AGENCY),
                lead.grounds().stream().map(Ground::basis).toList());
        assertEquals(EnumSet.allOf(DataCategory.class), lead.holdsNow());
        // A reader without a ground is named as such; it holds nothing.
        Holder hospital = holders.get(1);
        assertEquals(
                List.of(HoldingBasis.OTHER),
                hospital.grounds().stream().map(Ground::basis).toList());
        assertEquals(Set.of(), hospital.holdsNow());
        // Grounds in time order; categories in their order, identity first.
        Holder centre = holders.get(2);
        assertEquals(
                List.of(HoldingBasis.EMERGENCY_EXCEPTION, HoldingBasis.CONSENT),
                centre.grounds().stream().map(Ground::basis).toList());
        assertEquals(List.of(DataCategory.IDENTITY, DataCategory.INCIDENT_DETAILS), List.copyOf(centre.holdsNow()));
        assertEquals(List.of(DataCategory.IDENTITY, DataCategory.RISK), List.copyOf(centre.categoriesRead()));
        // Named by a consent, never read: listed last, with nothing read.
        Holder quiet = holders.get(3);
        assertEquals(0, quiet.reads());
        assertEquals(null, quiet.lastReadAt());
    }

    @Test
    void eachConsentThatCoversAnAgencyIsAGroundUntilItEndedForIt() {
        UUID byName = UUID.randomUUID();
        UUID byKind = UUID.randomUUID();
        UUID withdrawnFromIt = UUID.randomUUID();
        UUID expired = UUID.randomUUID();
        UUID others = UUID.randomUUID();
        Instant tuesday = MONDAY.plus(java.time.Duration.ofDays(1));
        Instant friday = MONDAY.plus(java.time.Duration.ofDays(4));
        List<DataHolders.ConsentTerms> consents = List.of(
                new DataHolders.ConsentTerms(byName, Set.of(CENTRE), Set.of(), MONDAY, null, Set.of()),
                new DataHolders.ConsentTerms(
                        byKind,
                        Set.of(),
                        Set.of(kz.qorgau.agency.AgencyKind.NGO_CRISIS_CENTRE),
                        MONDAY,
                        null,
                        Set.of()),
                new DataHolders.ConsentTerms(withdrawnFromIt, Set.of(CENTRE), Set.of(), MONDAY, null, Set.of(CENTRE)),
                new DataHolders.ConsentTerms(expired, Set.of(CENTRE), Set.of(), MONDAY, tuesday, Set.of()),
                new DataHolders.ConsentTerms(others, Set.of(HOSPITAL), Set.of(), MONDAY, null, Set.of()));
        // Her referral to the centre was withdrawn on Friday (and one before she gave these consents, which took back
        // none of them).
        List<Ground> grounds = DataHolders.consentGrounds(
                CENTRE,
                kz.qorgau.agency.AgencyKind.NGO_CRISIS_CENTRE,
                consents,
                List.of(MONDAY.minusSeconds(60), friday));
        assertEquals(
                List.of(
                        new Ground(HoldingBasis.CONSENT, MONDAY, null, byName),
                        new Ground(HoldingBasis.CONSENT, MONDAY, null, byKind),
                        new Ground(HoldingBasis.CONSENT, MONDAY, friday, withdrawnFromIt),
                        new Ground(HoldingBasis.CONSENT, MONDAY, tuesday, expired)),
                grounds);
        // An agency of another kind is covered by the consents that name it alone.
        assertEquals(
                List.of(others),
                DataHolders.consentGrounds(HOSPITAL, kz.qorgau.agency.AgencyKind.HEALTH, consents, List.of()).stream()
                        .map(Ground::consentId)
                        .toList());
    }
}
