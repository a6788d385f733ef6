package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import kz.qorgau.privacy.SealedText;
import org.hibernate.Session;

/**
 * Appends a referral's history entries inside the caller's transaction.
 *
 * <p>The row is written with one plain INSERT on the transaction's own connection, not persisted: an entry is never
 * changed, nor read back in the transaction that writes it, and Hibernate's insert (its action queue, the entry in
 * the persistence context, the binding of each attribute) was about a fifteenth of a transition's CPU (issue 26).
 * {@link ReferralHistoryEntry} stays the entity the history is read through. The referral's own row must already be
 * in the database, for the entry's foreign key. The entry's network is the session's, as {@code @TenantId} would set
 * it, and PostgreSQL's row-level security refuses any other; the note is sealed as {@link SealedText} seals it.
 */
@ApplicationScoped
class ReferralHistoryLog {

    private static final String INSERT = "insert into referral_history (id, tenant_id, referral_id, action,"
            + " from_state, to_state, actor, actor_agency_id, reason_code, note, assignee, at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void append(ReferralHistoryEntry entry) {
        byte[] sealedNote = entry.note == null ? null : SealedText.seal(entry.note);
        Session session = em.unwrap(Session.class);
        Object tenant = session.getTenantIdentifierValue();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, entry.id);
                insert.setObject(2, tenant);
                insert.setObject(3, entry.referralId);
                insert.setString(4, entry.action);
                insert.setString(5, entry.fromState == null ? null : entry.fromState.name());
                insert.setString(6, entry.toState.name());
                insert.setString(7, entry.actor);
                insert.setObject(8, entry.actorAgencyId);
                insert.setString(9, entry.reasonCode);
                insert.setBytes(10, sealedNote);
                insert.setString(11, entry.assignee);
                insert.setObject(12, OffsetDateTime.ofInstant(entry.at, ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }
}
