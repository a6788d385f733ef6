package kz.qorgau.external;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.casefile.CaseDtos.SharedDataView;
import kz.qorgau.referral.DeclineReason;
import kz.qorgau.referral.ReferralDtos.ActionsView;
import kz.qorgau.referral.ReferralDtos.ReferralView;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.security.TenantsConfig;

/**
 * What the recipient's page shows of a referral: the referral, the sender and whom to call there, and of her exactly
 * what the consents give the recipient's stand-in (read, and audited, as for any receiver), with the actions open to
 * it now. The request acts as the recipient already ({@link ExternalLinks}).
 */
@ApplicationScoped
public class ExternalPages {

    @Inject
    ReferralService referrals;

    @Inject
    Agencies agencies;

    @Inject
    TenantsConfig tenants;

    @Inject
    kz.qorgau.security.AccessPolicy access;

    /** One action the page offers, with the key of its label and the id of its button. */
    public record PageAction(String code, String labelKey, String id, boolean decline) {}

    public record Reason(String code, String labelKey) {}

    public record ReceiverPage(
            long version,
            String senderName,
            String senderPhone,
            String senderContactPoint,
            String stateKey,
            String priorityKey,
            List<String> serviceKeys,
            String note,
            boolean nothingShown,
            boolean ended,
            String fullName,
            LocalDate birthDate,
            String phone,
            String email,
            String address,
            String riskKey,
            List<LocalDate> incidentDates,
            boolean contactWithheld,
            List<PageAction> actions,
            List<Reason> declineReasons) {}

    @Transactional
    public ReceiverPage page(UUID referralId) {
        ReferralView referral = referrals.get(referralId).body();
        SharedDataView shared = referrals.sharedData(referralId);
        ActionsView actions = referrals.actions(referralId);
        Agencies.Contact sender =
                agencies.contacts(Set.of(referral.senderAgencyId())).get(referral.senderAgencyId());
        var zone = tenants.all().get(access.caller().tenantId()).zone();
        return new ReceiverPage(
                actions.version(),
                sender.name(),
                sender.phone(),
                sender.contactPoint(),
                "state." + referral.state(),
                "priority." + referral.priority(),
                referral.servicesRequested().stream()
                        .sorted()
                        .map(s -> "service." + s)
                        .toList(),
                referral.note(),
                shared.categories().isEmpty() && !referral.state().isTerminal(),
                referral.state().isTerminal(),
                shared.fullName(),
                shared.birthDate(),
                shared.phone(),
                shared.email(),
                shared.address(),
                shared.risk() == null ? null : "priority." + shared.risk().level(),
                shared.incidents() == null
                        ? List.of()
                        : shared.incidents().stream()
                                .map(i -> i.occurredAt().atZone(zone).toLocalDate())
                                .toList(),
                shared.withheld() != null && !shared.withheld().isEmpty(),
                actions.actions().stream()
                        .filter(ExternalLinkRules.PAGE_ACTIONS::contains)
                        .sorted()
                        .map(a -> new PageAction(
                                a.name(),
                                "action." + a,
                                a.name().toLowerCase(java.util.Locale.ROOT),
                                a == kz.qorgau.referral.ReferralAction.DECLINE))
                        .toList(),
                Arrays.stream(DeclineReason.values())
                        .map(r -> new Reason(r.name(), "decline." + r))
                        .toList());
    }
}
