package kz.qorgau.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.common.HasText;
import kz.qorgau.common.MergePatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the agency directory takes and gives; entities never leave the service. */
public final class AgencyDtos {

    private AgencyDtos() {}

    static final String PHONE = "^\\+?[0-9 ()-]{5,40}$";

    @Schema(name = "Agency", description = "An agency of the caller's coordination network")
    public record AgencyView(
            UUID id,
            String name,
            AgencyKind kind,
            String district,
            @Schema(maxItems = 20) Set<ServiceType> services,
            String email,
            String phone,

            @Schema(description = "Inactive agencies stay in the directory but take no new referrals")
            boolean active,

            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "NewAgency")
    public record NewAgency(
            @NotNull @HasText @Size(max = 200) String name,
            @NotNull AgencyKind kind,
            @Size(max = 200) String district,
            @Size(max = 20) Set<@NotNull ServiceType> services,
            @Email @Size(max = 254) String email,

            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number")
            String phone) {}

    /**
     * A JSON merge patch of an agency (RFC 7396): absent members keep their value, null removes it. A class
     * with setters rather than a record, because Jackson calls a setter only for a member the patch names,
     * explicit null included, and so the three meanings survive binding. District, email and phone may be
     * removed (an empty string removes them too, as before null was honoured); services removed become none;
     * name, kind and active cannot be removed. Only coordinators change {@code kind} and {@code active}.
     */
    @Schema(name = "AgencyChanges")
    public static final class AgencyChanges {

        @Schema(hidden = true)
        private final Set<String> named = new HashSet<>();

        @Size(min = 1, max = 200)
        @HasText
        private String name;

        private AgencyKind kind;

        @Schema(nullable = true)
        @Size(max = 200)
        private String district;

        @Schema(nullable = true)
        @Size(max = 20)
        private Set<@NotNull ServiceType> services;

        @Schema(nullable = true)
        @Email
        @Size(max = 254)
        private String email;

        @Schema(nullable = true)
        @Size(max = 40)
        @Pattern(regexp = "^$|" + PHONE, message = "must be a phone number")
        private String phone;

        private Boolean active;

        public void setName(String name) {
            this.name = name;
            named.add("name");
        }

        public void setKind(AgencyKind kind) {
            this.kind = kind;
            named.add("kind");
        }

        public void setDistrict(String district) {
            this.district = district;
            named.add("district");
        }

        public void setServices(Set<ServiceType> services) {
            this.services = services;
            named.add("services");
        }

        public void setEmail(String email) {
            this.email = email;
            named.add("email");
        }

        public void setPhone(String phone) {
            this.phone = phone;
            named.add("phone");
        }

        public void setActive(Boolean active) {
            this.active = active;
            named.add("active");
        }

        MergePatch.Member<String> name() {
            return MergePatch.member(named, "name", name);
        }

        MergePatch.Member<AgencyKind> kind() {
            return MergePatch.member(named, "kind", kind);
        }

        MergePatch.Member<String> district() {
            return MergePatch.member(named, "district", district);
        }

        MergePatch.Member<Set<ServiceType>> services() {
            return MergePatch.member(named, "services", services);
        }

        MergePatch.Member<String> email() {
            return MergePatch.member(named, "email", email);
        }

        MergePatch.Member<String> phone() {
            return MergePatch.member(named, "phone", phone);
        }

        MergePatch.Member<Boolean> active() {
            return MergePatch.member(named, "active", active);
        }

        boolean changesKindOrActive() {
            return named.contains("kind") || named.contains("active");
        }
    }
}
