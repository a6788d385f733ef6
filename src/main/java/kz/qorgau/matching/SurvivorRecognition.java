package kz.qorgau.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.common.SqlValues;
import kz.qorgau.privacy.BlindIndex;
import kz.qorgau.security.AccessPolicy;

/**
 * Whether the person a case or an incident is about is already known in the network: her open case and its lead
 * agency, her incidents of the last twelve months, whether a risk conference heard her case. It works on match tokens
 * alone; what it answers is ids, counts and dates, never what anyone recorded of her.
 */
@ApplicationScoped
public class SurvivorRecognition {

    /** The look-back of "incidents in the last 12 months". */
    public static final Duration LOOK_BACK = Duration.ofDays(365);

    private static final byte[] ABSENT = new byte[0];

    @Inject
    EntityManager em;

    @Inject
    BlindIndex index;

    @Inject
    AccessPolicy access;

    @Inject
    Clock clock;

    /**
     * One open case of hers.
     *
     * @param named whether the caller gave her name and birth date as the case records them: only then is the case
     *     named to the caller, so that guessing IINs tells nobody which case holds one
     */
    public record OpenCase(UUID caseId, UUID leadAgencyId, boolean named) {}

    /** What the network knows of her: empty lists and false when nothing. */
    public record Known(List<OpenCase> openCases, List<Instant> incidentDates, boolean heardByConference) {

        public static final Known NOTHING = new Known(List.of(), List.of(), false);

        /** Her open case the caller may be told of, having named her. */
        public Optional<OpenCase> namedCase() {
            return openCases.stream().filter(OpenCase::named).findFirst();
        }

        public boolean any() {
            return !openCases.isEmpty() || !incidentDates.isEmpty() || heardByConference;
        }
    }

    /** The caller's network's tokens of a person. */
    public PersonTokens tokens(String iin, String fullName, LocalDate birthDate) {
        return PersonTokens.of(index, access.caller().tenantId(), iin, fullName, birthDate);
    }

    /**
     * Holds her tokens until the transaction ends, so that two requests about her, opening a case at the same moment,
     * are answered one after the other and the second sees the first's case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(PersonTokens tokens) {
        // Always the IIN first, then the name: two holders never wait for each other in a circle.
        for (byte[] token : new byte[][] {tokens.iin(), tokens.nameBirth()}) {
            if (token != null) {
                em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                        .setParameter(1, ByteBuffer.wrap(token).getLong())
                        .getSingleResult();
            }
        }
    }

    /**
     * What is known of her, leaving out one incident (the one being reported about her).
     *
     * @param excludedIncident null to leave none out
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Known known(PersonTokens tokens, UUID excludedIncident) {
        return known(tokens, excludedIncident, false);
    }

    /**
     * What the caller may be told of her: what her name and birth date, as the caller gave them, find (an IIN it gave
     * only keeps another woman of the same name and birth date apart). An IIN alone, which can be guessed from a
     * birth date, tells the caller nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Known knownToCaller(PersonTokens tokens, UUID excludedIncident) {
        return tokens.nameBirth() == null ? Known.NOTHING : known(tokens, excludedIncident, true);
    }

    private Known known(PersonTokens tokens, UUID excludedIncident, boolean byName) {
        if (tokens.isEmpty()) {
            return Known.NOTHING;
        }
        // Who she is: by IIN or by name where no IIN says otherwise; or, told to a caller, by name alone.
        String survivorMatch = byName
                ? "s.name_birth_token = ?3 and (s.iin_token is null or length(?2) = 0 or s.iin_token = ?2)"
                : "(s.iin_token = ?2 or s.name_birth_token = ?3 and (s.iin_token is null or length(?2) = 0))";
        String askedIin = byName ? "" : "select cast(?2 as bytea) as token where length(?2) > 0 union ";
        String tenant = access.caller().tenantId();
        byte[] iin = Optional.ofNullable(tokens.iin()).orElse(ABSENT);
        byte[] nameBirth = Optional.ofNullable(tokens.nameBirth()).orElse(ABSENT);
        @SuppressWarnings("unchecked")
        List<Object[]> cases = em.createNativeQuery("""
                        select c.id, c.lead_agency_id, c.status, coalesce(s.name_birth_token = ?3, false),
                               exists (select 1 from conference_case cc
                                       join conference_meeting m on m.id = cc.meeting_id
                                       where cc.case_id = c.id and cc.status = 'LISTED' and m.held_at is not null)
                        from survivor s join case_file c on c.survivor_id = s.id
                        where s.tenant_id = ?1 and {SURVIVOR}
                        order by c.created_at, c.id""".replace("{SURVIVOR}", survivorMatch))
                .setParameter(1, tenant)
                .setParameter(2, iin)
                .setParameter(3, nameBirth)
                .getResultList();
        List<OpenCase> open = new ArrayList<>();
        boolean heard = false;
        for (Object[] row : cases) {
            if ("OPEN".equals(row[2])) {
                open.add(new OpenCase((UUID) row[0], (UUID) row[1], (Boolean) row[3]));
            }
            heard |= (Boolean) row[4];
        }
        Instant now = clock.instant();
        // Her incidents: those linked to a case of hers, and those that name her as victim by her tokens or by the
        // tokens her cases carry (an incident with her IIN alone is hers once a case knows her IIN and her name).
        @SuppressWarnings("unchecked")
        List<Object> dates = em.createNativeQuery(
                        """
                        with her_cases as (
                            select c.id, s.iin_token, s.name_birth_token
                            from survivor s join case_file c on c.survivor_id = s.id
                            where s.tenant_id = ?1 and {SURVIVOR}),
                        iins as ({ASKED_IIN}select iin_token as token from her_cases where iin_token is not null),
                        names as (select cast(?3 as bytea) as token where length(?3) > 0
                                  union select name_birth_token from her_cases where name_birth_token is not null)
                        select at from (
                            select p.incident_id as id, p.occurred_at as at from incident_person p
                            where p.tenant_id = ?1 and p.role = 'VICTIM' and p.occurred_at >= ?4
                              and (p.iin_token in (select token from iins)
                                   or p.name_birth_token in (select token from names)
                                      and (p.iin_token is null or not exists (select 1 from iins)))
                            union
                            select i.id, i.occurred_at from case_incident ci join incident i on i.id = ci.incident_id
                            where ci.case_id in (select id from her_cases) and i.occurred_at >= ?4
                        ) hers
                        where id <> ?5
                        order by at
                        limit 500""".replace("{SURVIVOR}", survivorMatch).replace("{ASKED_IIN}", askedIin))
                .setParameter(1, tenant)
                .setParameter(2, iin)
                .setParameter(3, nameBirth)
                .setParameter(4, Timestamp.from(now.minus(LOOK_BACK)))
                .setParameter(5, excludedIncident == null ? new UUID(0, 0) : excludedIncident)
                .getResultList();
        return new Known(open, dates.stream().map(SqlValues::instant).toList(), heard);
    }

    /** Records the tokens of the people an incident names, for the incidents about her that come after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordIncidentPeople(UUID incidentId, Instant occurredAt, List<NamedPerson> people) {
        for (int position = 0; position < people.size(); position++) {
            NamedPerson person = people.get(position);
            if (person.tokens().isEmpty()) {
                continue;
            }
            em.createNativeQuery("""
                            insert into incident_person (incident_id, position, tenant_id, role, iin_token,
                                                         name_birth_token, occurred_at)
                            values (?1, ?2, ?3, ?4, nullif(?5, ''::bytea), nullif(?6, ''::bytea), ?7)""")
                    .setParameter(1, incidentId)
                    .setParameter(2, (short) position)
                    .setParameter(3, access.caller().tenantId())
                    .setParameter(4, person.role())
                    .setParameter(5, Optional.ofNullable(person.tokens().iin()).orElse(ABSENT))
                    .setParameter(
                            6, Optional.ofNullable(person.tokens().nameBirth()).orElse(ABSENT))
                    .setParameter(7, Timestamp.from(occurredAt))
                    .executeUpdate();
        }
    }

    /** A person an incident names, by role and tokens. */
    public record NamedPerson(String role, PersonTokens tokens) {}
}
