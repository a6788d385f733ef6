package kz.qorgau.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.DirectoryDtos.EntryUpdate;
import kz.qorgau.agency.DirectoryDtos.EntryView;
import kz.qorgau.agency.DirectoryService;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.hsds.HsdsDtos.HsdsPage;
import kz.qorgau.hsds.HsdsDtos.ImportResult;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;
import kz.qorgau.vocabulary.Vocabulary;

/** The network's service directory out to, and in from, Open Referral HSDS 3.0. */
@ApplicationScoped
public class HsdsService {

    /** More agencies than a network has; an export or import beyond it is refused rather than cut short. */
    static final int MAX_ORGANIZATIONS = 2000;

    private static final Set<String> PAGE_MEMBERS =
            Set.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents");

    /** Where in an organization each field of a directory entry comes from, to name it in a refusal. */
    private static final Map<String, String> SOURCE = Map.of(
            "services", "/services",
            "districts", "/services/service_areas",
            "languages", "/services/languages",
            "hours", "/services/schedules",
            "freePlaces", "/services/capacities",
            "contactPoint", "/contacts");

    @Inject
    DirectoryService directory;

    @Inject
    Agencies agencies;

    @Inject
    AccessPolicy access;

    @Inject
    Validator validator;

    public HsdsPage export() {
        List<EntryView> entries = directory.publicEntries(MAX_ORGANIZATIONS + 1);
        if (entries.size() > MAX_ORGANIZATIONS) {
            throw new ProblemException.Unprocessable(
                    "The directory holds more than " + MAX_ORGANIZATIONS + " agencies, more than one export gives");
        }
        Map<UUID, Agencies.Contact> contacts =
                agencies.contacts(entries.stream().map(EntryView::agencyId).toList());
        Map<String, String> kinds = Vocabulary.in("en").lists().get("AgencyKind");
        Map<String, String> services = Vocabulary.in("en").lists().get("ServiceType");
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (EntryView entry : entries) {
            Map<kz.qorgau.agency.ServiceType, String> labels = new LinkedHashMap<>();
            entry.services().forEach(type -> labels.put(type, services.get(type.name())));
            Agencies.Contact contact = contacts.get(entry.agencyId());
            organizations.add(HsdsOrganizations.organization(new HsdsOrganizations.Entry(
                    entry.agencyId(),
                    entry.name(),
                    entry.kind(),
                    kinds.get(entry.kind().name()),
                    entry.services(),
                    labels,
                    entry.districts(),
                    entry.languages(),
                    entry.hours(),
                    entry.freePlaces(),
                    entry.acceptingReferrals(),
                    entry.updatedAt(),
                    entry.contactPoint(),
                    contact == null ? null : contact.phone(),
                    entry.streetAddress())));
        }
        int n = organizations.size();
        return new HsdsPage(n, 1, 1, n, true, true, n == 0, organizations);
    }

    /**
     * Replaces the directory entries of the agencies the file names, all of them or none: a file that is not valid
     * HSDS 3.0, names an agency the network does not have, or says what an entry cannot hold is refused with every
     * problem named by its JSON pointer. Locations are not read: where an agency is, and whether that is
     * confidential, is for its own staff to say; so is whether it takes referrals and how many places are free
     * now, which a file (made before a shelter filled up) must not undo. An organization whose services carry a
     * last_modified older than its entry's last change is refused with 409: the file was made before that change.
     */
    @Transactional
    public ImportResult importDirectory(JsonNode body) {
        access.require(Capability.IMPORT_DIRECTORY);
        JsonNode contents;
        String base;
        List<FieldError> errors = new ArrayList<>();
        if (body != null && body.isArray()) {
            contents = body;
            base = "";
        } else if (body != null && body.isObject() && body.path("contents").isArray()) {
            body.fieldNames().forEachRemaining(name -> {
                if (!PAGE_MEMBERS.contains(name)) {
                    errors.add(new FieldError("/" + name, "is not a member of an HSDS page"));
                }
            });
            errors.addAll(HsdsSchema.page(body));
            contents = body.get("contents");
            base = "/contents";
        } else {
            throw new ProblemException.InvalidInput(
                    "body", "must be an HSDS page (an object with contents) or an array of organizations");
        }
        if (contents.size() > MAX_ORGANIZATIONS) {
            throw new ProblemException.InvalidInput(
                    base.isEmpty() ? "body" : base, "holds more than " + MAX_ORGANIZATIONS + " organizations");
        }
        Map<UUID, EntryUpdate> updates = new LinkedHashMap<>();
        Map<UUID, String> where = new HashMap<>();
        Map<UUID, java.time.Instant> exportedAt = new HashMap<>();
        for (int i = 0; i < contents.size() && errors.size() < 100; i++) {
            String at = base + "/" + i;
            JsonNode organization = contents.get(i);
            List<FieldError> invalid = HsdsSchema.organization(organization, at);
            if (!invalid.isEmpty()) {
                errors.addAll(invalid);
                continue;
            }
            HsdsOrganizations.Imported imported = HsdsOrganizations.read(organization, at, errors);
            if (where.containsKey(imported.agencyId())) {
                errors.add(new FieldError(at + "/id", "names an organization the file already named"));
                continue;
            }
            EntryUpdate update = new EntryUpdate(
                    imported.services(),
                    imported.districts(),
                    imported.languages(),
                    imported.hours(),
                    imported.freePlaces(),
                    imported.acceptingReferrals(),
                    imported.contactPoint());
            for (ConstraintViolation<EntryUpdate> violation : validator.validate(update)) {
                String field = violation.getPropertyPath().iterator().next().getName();
                errors.add(new FieldError(at + SOURCE.getOrDefault(field, ""), violation.getMessage()));
            }
            updates.put(imported.agencyId(), update);
            if (imported.exportedAt() != null) {
                exportedAt.put(imported.agencyId(), imported.exportedAt());
            }
            where.put(imported.agencyId(), at + "/id");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors.size() > 100 ? errors.subList(0, 100) : errors);
        }
        directory.replaceEntries(updates, where, exportedAt);
        return new ImportResult(
                updates.size(),
                updates.values().stream().mapToInt(u -> u.services().size()).sum());
    }
}
