package kz.qorgau.me;

import java.util.List;
import java.util.UUID;
import kz.qorgau.agency.AgencyKind;
import kz.qorgau.security.Capability;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MeDtos {

    private MeDtos() {}

    @Schema(
            name = "Me",
            description = "Who the caller is, from its token and the network's directory: so that a partner"
                    + " application never has to look up its own agency or guess what it may do")
    public record MeView(
            @Schema(description = "The token's subject") String subject,

            @Schema(
                    description = "The person as her agency names her (the token's preferred_username, else its"
                            + " subject): what a referral's assignee holds, and whose work assignee=me lists")
            String username,

            NetworkView network,

            @Schema(
                    description = "The agency the caller acts for; absent for a network-wide role (coordinator,"
                            + " auditor) or when the token names no agency registered in this network")
            AgencyView agency,

            @Schema(description = "The caller's Qorgau roles, each with the functions it allows", maxItems = 7)
            List<RoleView> roles,

            @Schema(description = "Every function the caller may use, by any of its roles", maxItems = 64)
            List<Capability> may) {}

    @Schema(name = "MeNetwork")
    public record NetworkView(String id, String name) {}

    @Schema(name = "MeAgency")
    public record AgencyView(UUID id, String name, AgencyKind kind, boolean active) {}

    @Schema(
            name = "MeRole",
            description = "A role and what it allows. Functions are checked per object as well: a role that may"
                    + " read referrals reads those of its own agency alone, a coordinator those of its network")
    public record RoleView(
            @Schema(description = "The role as the token names it, such as ngo-caseworker")
            String role,

            @Schema(maxItems = 64) List<Capability> may) {}
}
