package kz.qorgau.external;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.agency.CallerAgency;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.EventLog;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.external.ExternalLinkDtos.IssuedLink;
import kz.qorgau.external.ExternalLinkDtos.LinkView;
import kz.qorgau.external.ExternalLinkRules.LinkState;
import kz.qorgau.privacy.BlindIndex;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralService.OffPlatform;
import kz.qorgau.referral.ReferralState;
import kz.qorgau.referral.TransitionCommand;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.CurrentCaller;
import kz.qorgau.security.TenantsConfig;
import kz.qorgau.tenant.TenantOverride;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links that let a recipient off the platform answer one referral: issued and revoked by its sender, opened with a
 * code the sender gives by phone, each opening, wrong code and action audited. The link's token and code are kept
 * only as hashes; the code is keyed with the network's index key, so a copy of the table does not yield it.
 */
@ApplicationScoped
public class ExternalLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    ReferralService referrals;

    @Inject
    Agencies agencies;

    @Inject
    CallerAgency callerAgency;

    @Inject
    AccessPolicy access;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantOverride tenantOverride;

    @Inject
    TenantsConfig tenants;

    @Inject
    BlindIndex index;

    @Inject
    AuditTrail audit;

    @Inject
    EventLog events;

    @Inject
    Clock clock;

    @Inject
    IdGenerator ids;

    @ConfigProperty(name = "qorgau.external-links.lasts", defaultValue = "72h")
    Duration lasts;

    @ConfigProperty(name = "qorgau.external-links.session-lasts", defaultValue = "30m")
    Duration sessionLasts;

    @ConfigProperty(name = "qorgau.public-base-url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    // ---- The sender's side (a verified token)

    /** A new link for the referral; any link still live before it stops working. */
    @Transactional
    public IssuedLink issue(UUID referralId) {
        OffPlatform referral = referrals.offPlatformAsSender(referralId);
        if (referral.state() != ReferralState.SUBMITTED && referral.state() != ReferralState.ACKNOWLEDGED) {
            throw new ProblemException.Conflict(
                    "nothing-to-answer",
                    "A link lets the recipient acknowledge, accept or decline a sent referral; this one is "
                            + referral.state(),
                    Map.of("state", referral.state()));
        }
        Instant now = clock.instant();
        em.createQuery("update ExternalLink l set l.revokedAt = ?2, l.version = l.version + 1 where l.referralId = ?1"
                        + " and l.revokedAt is null and l.lockedAt is null and l.spentAt is null")
                .setParameter(1, referralId)
                .setParameter(2, now)
                .executeUpdate();
        String token = randomToken();
        String code = String.format("%08d", RANDOM.nextInt(100_000_000));
        ExternalLink link = new ExternalLink();
        link.id = ids.newId();
        link.referralId = referralId;
        link.tokenHash = sha256(token);
        link.codeHash = codeHash(access.caller().tenantId(), link.id, code);
        link.issuedBy = access.caller().username();
        link.issuedByAgency = callerAgency.requireRegistered();
        link.issuedAt = now;
        link.expiresAt = now.plus(lasts);
        em.persist(link);
        em.flush();
        audit.record(
                AuditAction.CREATE,
                Subject.of("external-link", link.id, referral.caseId()),
                Set.of(),
                "link for referral " + referralId + " issued, until " + link.expiresAt);
        return new IssuedLink(
                link.id,
                baseUrl.replaceAll("/+$", "") + "/r/" + access.caller().tenantId() + "/" + token,
                code.substring(0, 4) + "-" + code.substring(4),
                link.expiresAt,
                view(link, now));
    }

    @Transactional
    public List<LinkView> list(UUID referralId) {
        OffPlatform referral = referrals.offPlatformAsSender(referralId);
        Instant now = clock.instant();
        audit.record(AuditAction.LIST, Subject.of("external-link", null, referral.caseId()), Set.of());
        return em.createQuery(
                        "from ExternalLink where referralId = ?1 order by issuedAt desc, id desc", ExternalLink.class)
                .setParameter(1, referralId)
                .setMaxResults(100)
                .getResultStream()
                .map(l -> view(l, now))
                .toList();
    }

    @Transactional
    public LinkView revoke(UUID referralId, UUID linkId) {
        OffPlatform referral = referrals.offPlatformAsSender(referralId);
        ExternalLink link = em.find(ExternalLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null || !link.referralId.equals(referral.referralId())) {
            throw new ProblemException.NotFound("Link " + linkId + " of referral " + referralId);
        }
        Instant now = clock.instant();
        if (link.spentAt != null) {
            throw new ProblemException.Conflict(
                    "link-spent", "The recipient answered the referral through this link at " + link.spentAt, Map.of());
        }
        if (link.revokedAt == null) {
            link.revokedAt = now;
            em.flush();
            audit.record(
                    AuditAction.UPDATE, Subject.of("external-link", link.id, referral.caseId()), Set.of(), "revoked");
        }
        return view(link, now);
    }

    // ---- The recipient's side (no token: the link, then its code, then its session)

    /** Where a link stands for the page, and the referral it answers when it is still live. */
    public record Opened(LinkState state, UUID linkId, UUID referralId, int attemptsLeft) {

        static Opened unknown() {
            return new Opened(null, null, null, 0);
        }

        public boolean known() {
            return state != null;
        }
    }

    /** The recipient opened the link: audited while it is live, and its state told. */
    @Transactional
    public Opened open(String tenant, String token) {
        Optional<ExternalLink> found = find(tenant, token, false);
        if (found.isEmpty()) {
            return Opened.unknown();
        }
        ExternalLink link = found.get();
        LinkState state = link.state(clock.instant());
        actAsRecipient(link);
        audit.record(
                AuditAction.READ,
                Subject.of("external-link", link.id, caseOf(link)),
                Set.of(),
                "link opened (" + state + ")");
        return new Opened(state, link.id, link.referralId, ExternalLinkRules.attemptsLeft(link.wrongCodes));
    }

    /** What giving a code came to: the session it opened, or the attempts left, or the state that refused it. */
    public record CodeResult(Opened link, String session) {}

    /**
     * The recipient gives the code. A right code opens a session (the link is then used: a second person with the link
     * and the code gets nothing); a wrong one is counted, and the fifth locks the link and tells the sender.
     */
    @Transactional
    public CodeResult enterCode(String tenant, String token, String typed) {
        Optional<ExternalLink> found = find(tenant, token, true);
        if (found.isEmpty()) {
            return new CodeResult(Opened.unknown(), null);
        }
        ExternalLink link = found.get();
        Instant now = clock.instant();
        actAsRecipient(link);
        UUID caseId = caseOf(link);
        if (link.state(now) != LinkState.AWAITING_CODE) {
            return new CodeResult(opened(link, now), null);
        }
        String code = ExternalLinkRules.normaliseCode(typed);
        if (!MessageDigest.isEqual(link.codeHash, codeHash(tenant, link.id, code))) {
            link.wrongCodes++;
            String detail = "wrong code (" + link.wrongCodes + " of " + ExternalLinkRules.MAX_WRONG_CODES + ")";
            if (link.wrongCodes >= ExternalLinkRules.MAX_WRONG_CODES) {
                link.lockedAt = now;
                detail += ": link locked";
                events.append(
                        "referral",
                        link.referralId,
                        "referral.external-link-locked",
                        Set.of(link.issuedByAgency),
                        Map.of("referralId", link.referralId, "linkId", link.id, "at", now));
            }
            em.flush();
            audit.record(AuditAction.READ, Subject.of("external-link", link.id, caseId), Set.of(), detail);
            return new CodeResult(opened(link, now), null);
        }
        String session = randomToken();
        link.openedAt = now;
        link.sessionHash = sha256(session);
        link.sessionExpiresAt = now.plus(sessionLasts);
        em.flush();
        audit.record(AuditAction.READ, Subject.of("external-link", link.id, caseId), Set.of(), "code accepted");
        return new CodeResult(opened(link, now), session);
    }

    /**
     * Whether the session the code opened still acts for this link; when it does, the request acts as the referral's
     * recipient from here on.
     */
    @Transactional
    public Opened resume(String tenant, String token, String session) {
        Optional<ExternalLink> found = find(tenant, token, false);
        if (found.isEmpty()) {
            return Opened.unknown();
        }
        ExternalLink link = found.get();
        Instant now = clock.instant();
        actAsRecipient(link);
        boolean ours =
                session != null && link.sessionHash != null && MessageDigest.isEqual(link.sessionHash, sha256(session));
        LinkState state = link.state(now);
        if (state == LinkState.IN_SESSION && !ours) {
            // Someone else's session, or none: the link is used, as far as this request is concerned.
            return new Opened(LinkState.USED, link.id, link.referralId, 0);
        }
        return opened(link, now);
    }

    /**
     * The recipient acts on the referral in its session, as its receiver; accepting or declining spends the link. One
     * transaction: if the transition is refused (the state moved on, the version is stale) nothing is kept.
     */
    @Transactional
    public Opened act(String tenant, String token, String session, TransitionCommand command, long version) {
        Opened opened = resume(tenant, token, session);
        if (opened.state() != LinkState.IN_SESSION) {
            return opened;
        }
        if (!ExternalLinkRules.PAGE_ACTIONS.contains(command.action())) {
            throw new ProblemException.InvalidInput("action", "must be one of " + ExternalLinkRules.PAGE_ACTIONS);
        }
        ExternalLink link = em.find(ExternalLink.class, opened.linkId(), LockModeType.PESSIMISTIC_WRITE);
        referrals.transition(link.referralId, command, version);
        Instant now = clock.instant();
        if (ExternalLinkRules.SPENDING.contains(command.action())) {
            link.spentAt = now;
            link.sessionExpiresAt = now;
        }
        em.flush();
        return opened(link, now);
    }

    private Opened opened(ExternalLink link, Instant now) {
        return new Opened(link.state(now), link.id, link.referralId, ExternalLinkRules.attemptsLeft(link.wrongCodes));
    }

    /** The link a token names in a network the service serves; nothing for anything else. */
    private Optional<ExternalLink> find(String tenant, String token, boolean lock) {
        if (tenant == null || !tenants.all().containsKey(tenant) || token == null || token.length() != 43) {
            return Optional.empty();
        }
        tenantOverride.actFor(tenant);
        var query = em.createQuery("from ExternalLink where tokenHash = ?1", ExternalLink.class)
                .setParameter(1, sha256(token));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** From here on the request is the referral's recipient: its stand-in agency, named after the link. */
    private void actAsRecipient(ExternalLink link) {
        Object[] row = (Object[])
                em.createNativeQuery("select r.receiver_agency_id, coalesce(a.contact_point, a.name) from referral r"
                                + " join agency a on a.id = r.receiver_agency_id where r.id = ?1")
                        .setParameter(1, link.referralId)
                        .getSingleResult();
        String name = (String) row[1];
        currentCaller.actAsExternalRecipient(
                link.tenantId, (UUID) row[0], link.id.toString(), name.length() > 200 ? name.substring(0, 200) : name);
    }

    private UUID caseOf(ExternalLink link) {
        return (UUID) em.createNativeQuery("select case_id from referral where id = ?1")
                .setParameter(1, link.referralId)
                .getSingleResult();
    }

    private static LinkView view(ExternalLink link, Instant now) {
        return new LinkView(
                link.id,
                link.state(now),
                link.issuedBy,
                link.issuedAt,
                link.expiresAt,
                link.wrongCodes,
                link.openedAt,
                link.lockedAt,
                link.revokedAt,
                link.spentAt);
    }

    private byte[] codeHash(String tenant, UUID linkId, String code) {
        return index.ofKey(tenant, "external-link-code:" + linkId, code);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
