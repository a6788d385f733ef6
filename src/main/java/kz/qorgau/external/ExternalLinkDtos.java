package kz.qorgau.external;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.external.ExternalLinkRules.LinkState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ExternalLinkDtos {

    private ExternalLinkDtos() {}

    @Schema(
            name = "IssuedExternalLink",
            description = "Shown once: send the url to the recipient (e-mail, SMS) and give the code by phone, apart."
                    + " Qorgau keeps neither, only their hashes")
    public record IssuedLink(
            UUID id,

            @Schema(description = "The page the recipient opens; single use")
            String url,

            @Schema(description = "Eight digits, given to the recipient by phone, never with the url")
            String code,

            Instant expiresAt,
            LinkView link) {}

    @Schema(name = "ExternalLink", description = "A link to the referral's recipient off the platform, and its use")
    public record LinkView(
            UUID id,

            @Schema(
                    description = "AWAITING_CODE: not yet opened with its code; IN_SESSION: the recipient is on the"
                            + " page; USED: the code was given and the page closed without an answer; SPENT: the"
                            + " recipient accepted or declined; EXPIRED, REVOKED, LOCKED (five wrong codes)")
            LinkState state,

            @Schema(description = "The username of the sender's staff member who issued it")
            String issuedBy,

            Instant issuedAt,
            Instant expiresAt,

            @Schema(description = "Wrong codes given so far; the fifth locks the link")
            int wrongCodes,

            @Schema(description = "When the right code was given")
            Instant openedAt,

            Instant lockedAt,
            Instant revokedAt,

            @Schema(description = "When the recipient accepted or declined through it")
            Instant spentAt) {}
}
