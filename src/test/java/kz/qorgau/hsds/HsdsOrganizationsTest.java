package kz.qorgau.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.common.ProblemException.FieldError;
import org.junit.jupiter.api.Test;

/** The mapping both ways, without a server: what goes out comes back in as the same entry. */
class HsdsOrganizationsTest {

    private static final UUID AGENCY = UUID.fromString("0192a000-0000-7000-8000-000000000104");

    private static HsdsOrganizations.Entry shelter(String publicStreet) {
        return new HsdsOrganizations.Entry(
                AGENCY,
                "Family support shelter",
                AgencyKind.NGO_CRISIS_CENTRE,
                "NGO crisis centre",
                EnumSet.of(ServiceType.SHELTER, ServiceType.LEGAL_AID),
                Map.of(ServiceType.SHELTER, "Shelter", ServiceType.LEGAL_AID, "Legal aid"),
                new LinkedHashSet<>(List.of("Bostandyk", "Almaly")),
                new LinkedHashSet<>(List.of("kk", "ru")),
                "Round the clock",
                2,
                true,
                Instant.parse("2026-11-30T08:15:00Z"),
                "Duty phone +7 727 000 11 22",
                "+7 727 000 11 00",
                publicStreet);
    }

    @Test
    void whatGoesOutComesBackAsTheSameEntry() {
        JsonNode out = new ObjectMapper().valueToTree(HsdsOrganizations.organization(shelter(null)));
        List<FieldError> errors = new ArrayList<>();
        HsdsOrganizations.Imported in = HsdsOrganizations.read(out, "/0", errors);
        assertEquals(List.of(), errors);
        assertEquals(AGENCY, in.agencyId());
        assertEquals(EnumSet.of(ServiceType.SHELTER, ServiceType.LEGAL_AID), in.services());
        assertEquals(List.of("Bostandyk", "Almaly"), List.copyOf(in.districts()));
        assertEquals(List.of("kk", "ru"), List.copyOf(in.languages()));
        assertEquals("Round the clock", in.hours());
        assertEquals(2, in.freePlaces());
        assertTrue(in.acceptingReferrals());
        assertEquals("Duty phone +7 727 000 11 22", in.contactPoint());
    }

    @Test
    void aConfidentialAddressLeavesNoLocationAndAPublicOneIsAPhysicalLocation() {
        JsonNode secret = new ObjectMapper().valueToTree(HsdsOrganizations.organization(shelter(null)));
        assertEquals(0, secret.path("locations").size());
        JsonNode open = new ObjectMapper().valueToTree(HsdsOrganizations.organization(shelter("Abaya 10")));
        assertEquals(
                "physical", open.path("locations").get(0).path("location_type").asText());
        // The same agency exports the same ids every time.
        assertEquals(
                secret.path("services").toString(),
                new ObjectMapper()
                        .valueToTree(HsdsOrganizations.organization(shelter(null)))
                        .path("services")
                        .toString());
    }

    @Test
    void aServiceWithoutAQorgauTypeIsNamedByItsPointer() throws Exception {
        JsonNode organization = new ObjectMapper()
                .readTree("{\"id\":\"" + AGENCY + "\",\"name\":\"x\",\"description\":\"y\",\"services\":[{\"id\":\""
                        + UUID.randomUUID() + "\",\"name\":\"Counselling\",\"status\":\"active\"}]}");
        List<FieldError> errors = new ArrayList<>();
        HsdsOrganizations.read(organization, "/contents/3", errors);
        assertEquals(1, errors.size());
        assertEquals("/contents/3/services/0/attributes", errors.get(0).field());
    }
}
