package kz.qorgau.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.agency.ServiceType;
import kz.qorgau.common.ProblemException.FieldError;

/**
 * The directory in Open Referral's terms (HSDS 3.0, the compiled {@code organization} with its services), both ways,
 * in plain Java. Each agency is an organization; each service type it offers is a service carrying the type as a
 * taxonomy term of taxonomy {@value #SERVICE_TYPES}, which is how an import knows the service again; districts are
 * service areas, languages are languages, the opening hours a schedule's description, the free places of a shelter a
 * capacity in beds (the shape HSDS 3.1 gives {@code service_capacity}; 3.0 has none and lets a service carry more).
 *
 * <p>A confidential address never leaves: such an agency has no location at all, only its contact point, which is
 * what a sender needs to reach it about a referral. Every id is a UUID derived from the agency's id and what it
 * names, so that two exports of the same directory name the same things alike.
 */
public final class HsdsOrganizations {

    /** The taxonomy of Qorgau's service types, as the {@code taxonomy} of a term. */
    public static final String SERVICE_TYPES = "qorgau-service-type";

    /** What the directory holds of an agency, as the export takes it. */
    public record Entry(
            UUID agencyId,
            String name,
            AgencyKind kind,
            String kindLabel,
            Set<ServiceType> services,
            Map<ServiceType, String> serviceLabels,
            Set<String> districts,
            Set<String> languages,
            String hours,
            Integer freePlaces,
            boolean acceptingReferrals,
            Instant updatedAt,
            String contactPoint,
            String phone,
            String publicStreetAddress) {}

    /** What an import says of an agency's entry, before the entry's own rules check it. */
    public record Imported(
            UUID agencyId,
            Set<ServiceType> services,
            Set<String> districts,
            Set<String> languages,
            String hours,
            Integer freePlaces,
            boolean acceptingReferrals,
            String contactPoint,
            Instant exportedAt) {}

    private HsdsOrganizations() {}

    static UUID idOf(Object... parts) {
        StringBuilder name = new StringBuilder("qorgau-hsds");
        for (Object part : parts) {
            name.append('/').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The organization, as ordered maps that serialise with no null (HSDS allows no null value). */
    public static Map<String, Object> organization(Entry entry) {
        UUID agency = entry.agencyId();
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", agency.toString());
        organization.put("name", entry.name());
        organization.put("description", entry.kindLabel());
        if (entry.phone() != null) {
            organization.put(
                    "phones", List.of(ordered("id", idOf(agency, "phone"), "number", entry.phone(), "type", "voice")));
        }
        List<Map<String, Object>> contacts = contacts(agency, entry.contactPoint());
        organization.put("contacts", contacts);
        organization.put(
                "locations",
                entry.publicStreetAddress() == null
                        ? List.of()
                        : List.of(ordered(
                                "id",
                                idOf(agency, "location"),
                                "location_type",
                                "physical",
                                "name",
                                entry.name(),
                                "description",
                                entry.publicStreetAddress())));
        List<Map<String, Object>> services = new ArrayList<>();
        for (ServiceType type : entry.services()) {
            Map<String, Object> service = ordered(
                    "id",
                    idOf(agency, type),
                    "organization_id",
                    agency,
                    "name",
                    entry.serviceLabels().get(type),
                    "status",
                    entry.acceptingReferrals() ? "active" : "temporarily closed");
            if (entry.updatedAt() != null) {
                service.put("last_modified", entry.updatedAt().toString());
            }
            service.put(
                    "attributes",
                    List.of(ordered(
                            "id",
                            idOf(agency, type, "type"),
                            "taxonomy_term",
                            ordered(
                                    "id", idOf(SERVICE_TYPES, type),
                                    "code", type.name(),
                                    "name", entry.serviceLabels().get(type),
                                    "description", "Qorgau service type " + type.name(),
                                    "taxonomy", SERVICE_TYPES))));
            service.put(
                    "service_areas",
                    entry.districts().stream()
                            .map(d -> ordered("id", idOf(agency, type, "area", d), "name", d))
                            .toList());
            service.put(
                    "languages",
                    entry.languages().stream()
                            .map(code -> ordered("id", idOf(agency, type, "language", code), "code", code))
                            .toList());
            if (entry.hours() != null) {
                service.put(
                        "schedules", List.of(ordered("id", idOf(agency, type, "hours"), "description", entry.hours())));
            }
            if (type == ServiceType.SHELTER && entry.freePlaces() != null) {
                Map<String, Object> capacity = ordered(
                        "id", idOf(agency, type, "capacity"),
                        "unit", ordered("id", idOf("unit", "bed"), "name", "Bed"),
                        "available", entry.freePlaces());
                if (entry.updatedAt() != null) {
                    capacity.put("updated", entry.updatedAt().toString());
                }
                service.put("capacities", List.of(capacity));
            }
            service.put("contacts", contacts);
            services.add(service);
        }
        organization.put("services", services);
        return organization;
    }

    private static List<Map<String, Object>> contacts(UUID agency, String contactPoint) {
        return contactPoint == null
                ? List.of()
                : List.of(ordered(
                        "id", idOf(agency, "contact"), "name", contactPoint, "title", "Contact point for referrals"));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof UUID ? value.toString() : value);
        }
        return map;
    }

    /**
     * What one organization (already valid against the HSDS schema) says of its agency's entry; what Qorgau cannot
     * read from it goes into {@code errors}, each named by its JSON pointer under {@code at}.
     */
    public static Imported read(JsonNode organization, String at, List<FieldError> errors) {
        UUID agency = UUID.fromString(organization.path("id").asText());
        Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
        Set<String> districts = new LinkedHashSet<>();
        Set<String> languages = new LinkedHashSet<>();
        String hours = null;
        Instant exportedAt = null;
        Integer freePlaces = null;
        boolean accepting = false;
        JsonNode offered = organization.path("services");
        for (int i = 0; i < offered.size(); i++) {
            JsonNode service = offered.get(i);
            String here = at + "/services/" + i;
            ServiceType type = serviceType(service);
            if (type == null) {
                errors.add(new FieldError(
                        here + "/attributes",
                        "names no service type of Qorgau: give a taxonomy_term of taxonomy " + SERVICE_TYPES
                                + " whose code is one of " + List.of(ServiceType.values())));
                continue;
            }
            services.add(type);
            accepting |= "active".equals(service.path("status").asText());
            JsonNode areas = service.path("service_areas");
            for (int a = 0; a < areas.size(); a++) {
                String name = text(areas.get(a).path("name"), here + "/service_areas/" + a + "/name", errors);
                if (name != null) {
                    districts.add(name);
                }
            }
            JsonNode spoken = service.path("languages");
            for (int l = 0; l < spoken.size(); l++) {
                String code = text(spoken.get(l).path("code"), here + "/languages/" + l + "/code", errors);
                if (code != null) {
                    languages.add(code);
                }
            }
            JsonNode schedules = service.path("schedules");
            for (int h = 0; h < schedules.size(); h++) {
                String description =
                        text(schedules.get(h).path("description"), here + "/schedules/" + h + "/description", errors);
                if (hours == null) {
                    hours = description;
                }
            }
            exportedAt = latest(exportedAt, service.path("last_modified"));
            JsonNode capacities = service.path("capacities");
            for (int c = 0; c < capacities.size(); c++) {
                JsonNode available = capacities.get(c).path("available");
                if (!available.canConvertToInt() || !available.isIntegralNumber() || available.asInt() < 0) {
                    errors.add(new FieldError(
                            here + "/capacities/" + c + "/available", "must be a whole number of free places"));
                } else if (freePlaces == null) {
                    freePlaces = available.asInt();
                }
            }
        }
        String contactPoint = null;
        JsonNode contacts = organization.path("contacts");
        for (int c = 0; c < contacts.size(); c++) {
            String name = text(contacts.get(c).path("name"), at + "/contacts/" + c + "/name", errors);
            if (contactPoint == null) {
                contactPoint = name;
            }
        }
        return new Imported(
                agency, services, districts, languages, hours, freePlaces, accepting, contactPoint, exportedAt);
    }

    /**
     * A text Qorgau can store and show: stripped, null when blank; refused (null, with an error) when it holds NUL,
     * another control character, an invisible format character (a right-to-left override, a zero-width space) or half
     * a surrogate pair, which the directory's own form refuses too.
     */
    static String text(JsonNode node, String at, List<FieldError> errors) {
        String text = node.asText();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                i++;
                continue;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
                errors.add(new FieldError(at, "must not contain invisible or control characters"));
                return null;
            }
        }
        return text.isBlank() ? null : text.strip();
    }

    /** The later of a time and a service's last_modified, when it reads as one. */
    private static Instant latest(Instant known, JsonNode lastModified) {
        try {
            Instant at = Instant.parse(lastModified.asText());
            return known == null || at.isAfter(known) ? at : known;
        } catch (java.time.format.DateTimeParseException notATime) {
            return known;
        }
    }

    private static ServiceType serviceType(JsonNode service) {
        for (JsonNode attribute : service.path("attributes")) {
            JsonNode term = attribute.path("taxonomy_term");
            if (SERVICE_TYPES.equals(term.path("taxonomy").asText())) {
                for (ServiceType type : ServiceType.values()) {
                    if (type.name().equals(term.path("code").asText())) {
                        return type;
                    }
                }
            }
        }
        return null;
    }
}
