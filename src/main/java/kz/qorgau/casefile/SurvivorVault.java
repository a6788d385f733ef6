package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kz.qorgau.casefile.CaseDtos.SurvivorDetails;
import kz.qorgau.privacy.BlindIndex;
import kz.qorgau.privacy.FieldCipher;

/** Seals a survivor's personal data into her row and opens it again for the callers allowed to see it. */
@ApplicationScoped
public class SurvivorVault {

    /** Her personal data in the clear, in memory only. */
    public record PersonalData(String fullName, LocalDate birthDate, String phone, String address, String email) {}

    @Inject
    FieldCipher cipher;

    @Inject
    BlindIndex index;

    public Survivor create(UUID id, String tenantId, SurvivorDetails details, Instant now) {
        Survivor survivor = new Survivor();
        survivor.id = id;
        survivor.tenantId = tenantId;
        survivor.createdAt = now;
        survivor.updatedAt = now;
        seal(
                survivor,
                tenantId,
                new PersonalData(
                        details.fullName().strip(),
                        details.birthDate(),
                        details.phone() == null ? null : details.phone().strip(),
                        details.address(),
                        details.email() == null ? null : details.email().strip()));
        return survivor;
    }

    /** @return null once retention has anonymised her */
    public PersonalData open(Survivor survivor) {
        if (survivor.anonymisedAt != null) {
            return null;
        }
        String birthDate = cipher.open(survivor.birthDateSealed, context(survivor, "birth_date"));
        return new PersonalData(
                cipher.open(survivor.fullNameSealed, context(survivor, "full_name")),
                birthDate == null ? null : LocalDate.parse(birthDate),
                cipher.open(survivor.phoneSealed, context(survivor, "phone")),
                cipher.open(survivor.addressSealed, context(survivor, "address")),
                cipher.open(survivor.emailSealed, context(survivor, "email")));
    }

    /** Seals with the active key; re-encryption calls it with the data it opened under an old one. */
    void seal(Survivor survivor, String tenantId, PersonalData data) {
        survivor.keyId = cipher.activeKeyId();
        survivor.fullNameSealed = cipher.seal(data.fullName(), context(survivor, "full_name"));
        survivor.birthDateSealed = cipher.seal(
                data.birthDate() == null ? null : data.birthDate().toString(), context(survivor, "birth_date"));
        survivor.phoneSealed = cipher.seal(data.phone(), context(survivor, "phone"));
        survivor.addressSealed = cipher.seal(data.address(), context(survivor, "address"));
        survivor.emailSealed = cipher.seal(data.email(), context(survivor, "email"));
        survivor.nameHash = index.ofName(tenantId, data.fullName());
        survivor.phoneHash = index.ofPhone(tenantId, data.phone());
    }

    public byte[] nameHash(String tenantId, String name) {
        return index.ofName(tenantId, name);
    }

    public byte[] phoneHash(String tenantId, String phone) {
        return index.ofPhone(tenantId, phone);
    }

    public String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** Whether re-encryption can move this survivor: her values are under a key this deployment holds. */
    public boolean canReseal(Survivor survivor) {
        return cipher.holds(survivor.keyId);
    }

    // Tenant, row and field are bound to each value: a value copied to another survivor, field or network
    // does not open.
    private static String context(Survivor survivor, String field) {
        return "survivor/" + survivor.tenantId + "/" + survivor.id + "/" + field;
    }
}
