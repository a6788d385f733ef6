package kz.qorgau.conference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.agency.Agencies;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.AuditTrail.Subject;
import kz.qorgau.common.Keyset;
import kz.qorgau.common.Page;
import kz.qorgau.common.ProblemException;
import kz.qorgau.common.ProblemException.FieldError;
import kz.qorgau.common.SqlValues;
import kz.qorgau.common.TimeAndIds.IdGenerator;
import kz.qorgau.conference.ConferenceDtos.AgendaItem;
import kz.qorgau.conference.ConferenceDtos.Attendance;
import kz.qorgau.conference.ConferenceDtos.MeetingView;
import kz.qorgau.conference.ConferenceDtos.NewMeeting;
import kz.qorgau.conference.ConferenceDtos.NewSeries;
import kz.qorgau.conference.ConferenceDtos.SeriesView;
import kz.qorgau.security.AccessPolicy;
import kz.qorgau.security.Capability;

/**
 * Series and their meetings: coordinators (and a chair agency's admin) set up who sits in which series; the
 * chair's staff schedule meetings and record who came. A series is seen by its members' people and coordinators;
 * to anyone else it answers 404, as one that does not exist.
 */
@ApplicationScoped
public class ConferenceSeriesService {

    static final int MAX_MEMBERS = 50;

    /** How far from now a meeting may be scheduled, and an action be due. */
    static final java.time.Duration FARTHEST = java.time.Duration.ofDays(731);

    @Inject
    EntityManager em;

    @Inject
    AccessPolicy access;

    @Inject
    Agencies agencies;

    @Inject
    AuditTrail audit;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** A series and its member agencies (the chair among them). */
    record Seated(ConferenceSeries series, Set<UUID> members) {}

    @Transactional
    public SeriesView create(NewSeries request) {
        access.require(Capability.MANAGE_CONFERENCES);
        if (!ConferenceRules.managesSeries(access.caller(), request.chairAgencyId())) {
            throw new ProblemException.Forbidden("An agency admin sets up only a series its own agency chairs");
        }
        boolean seatsOthers = request.memberAgencyIds() != null
                && request.memberAgencyIds().stream().anyMatch(a -> !a.equals(request.chairAgencyId()));
        if (seatsOthers && !ConferenceRules.seatsAgencies(access.caller())) {
            throw new ProblemException.Forbidden(
                    "Coordinators seat other agencies in a series: their cases go before it from then on");
        }
        Set<UUID> members = new LinkedHashSet<>();
        members.add(request.chairAgencyId());
        if (request.memberAgencyIds() != null) {
            members.addAll(request.memberAgencyIds());
        }
        List<FieldError> unknown = new ArrayList<>();
        for (UUID agency : members) {
            if (agencies.find(agency).isEmpty()) {
                unknown.add(new FieldError(
                        agency.equals(request.chairAgencyId()) ? "chairAgencyId" : "memberAgencyIds",
                        "names no agency of this network: " + agency));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException.InvalidInput(unknown);
        }
        if (members.size() > MAX_MEMBERS) {
            throw new ProblemException.InvalidInput("memberAgencyIds", "at most " + MAX_MEMBERS + " agencies");
        }
        ConferenceSeries series = new ConferenceSeries();
        series.id = ids.newId();
        series.name = request.name().strip();
        series.district = request.district().strip();
        series.chairAgencyId = request.chairAgencyId();
        series.createdBy = access.caller().username();
        series.createdAt = clock.instant();
        em.persist(series);
        em.flush();
        members.forEach(agency -> seat(series.id, agency));
        audit.record(AuditAction.CREATE, Subject.of("conference-series", series.id, null), Set.of());
        return view(series, members);
    }

    @Transactional
    public Page<SeriesView> list(String cursor, int limit) {
        access.require(Capability.READ_CONFERENCES);
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        boolean all = access.caller().has(kz.qorgau.security.Role.COORDINATOR);
        List<UUID> seated =
                all ? List.of() : seriesOf(access.caller().agencyId().orElseThrow());
        if (!all && seated.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        var query = em.createQuery(
                        "from ConferenceSeries s where "
                                + (all ? "true" : "s.id in (:seated)")
                                + (after.isPresent() ? " and (s.createdAt, s.id) > (:afterTime, :afterId)" : "")
                                + " order by s.createdAt, s.id",
                        ConferenceSeries.class)
                .setMaxResults(limit + 1);
        if (!all) {
            query.setParameter("seated", seated);
        }
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        Page<ConferenceSeries> page =
                Keyset.page(query.getResultList(), limit, s -> new Keyset(s.createdAt, s.id), s -> s);
        Map<UUID, Set<UUID>> members =
                membersOf(page.items().stream().map(s -> s.id).toList());
        return new Page<>(
                page.items().stream()
                        .map(s -> view(s, members.getOrDefault(s.id, Set.of())))
                        .toList(),
                page.nextCursor());
    }

    @Transactional
    public SeriesView get(UUID id) {
        access.require(Capability.READ_CONFERENCES);
        Seated seated = visible(id, LockModeType.NONE);
        return view(seated.series(), seated.members());
    }

    /** Seats an agency in the series; seating one already seated changes nothing. */
    @Transactional
    public SeriesView addMember(UUID id, UUID agencyId) {
        Seated seated = managed(id);
        if (!ConferenceRules.seatsAgencies(access.caller())) {
            throw new ProblemException.Forbidden(
                    "Coordinators seat other agencies in a series: their cases go before it from then on");
        }
        if (agencies.find(agencyId).isEmpty()) {
            throw new ProblemException.NotFound("Agency " + agencyId);
        }
        if (!seated.members().contains(agencyId)) {
            if (seated.members().size() >= MAX_MEMBERS) {
                throw new ProblemException.Conflict(
                        "series-full", "A series seats at most " + MAX_MEMBERS + " agencies", Map.of());
            }
            seat(id, agencyId);
            audit.record(
                    AuditAction.UPDATE,
                    Subject.of("conference-series", id, null),
                    Set.of(),
                    "agency " + agencyId + " joined");
        }
        return get(id);
    }

    @Transactional
    public SeriesView removeMember(UUID id, UUID agencyId) {
        Seated seated = managed(id);
        if (agencyId.equals(seated.series().chairAgencyId)) {
            throw new ProblemException.Conflict("chair-stays", "The chair agency stays in its series", Map.of());
        }
        if (!seated.members().contains(agencyId)) {
            throw new ProblemException.NotFound("Member agency " + agencyId);
        }
        em.createNativeQuery("delete from conference_member where series_id = ?1 and agency_id = ?2")
                .setParameter(1, id)
                .setParameter(2, agencyId)
                .executeUpdate();
        audit.record(
                AuditAction.UPDATE,
                Subject.of("conference-series", id, null),
                Set.of(),
                "agency " + agencyId + " left");
        return get(id);
    }

    @Transactional
    public MeetingView schedule(UUID seriesId, NewMeeting request) {
        access.require(Capability.RUN_CONFERENCES);
        Seated seated = visible(seriesId, LockModeType.NONE);
        requireChair(seated.series());
        Instant now = clock.instant();
        if (request.scheduledFor().isBefore(now.minus(FARTHEST))
                || request.scheduledFor().isAfter(now.plus(FARTHEST))) {
            throw new ProblemException.InvalidInput("scheduledFor", "must be within two years of now");
        }
        ConferenceMeeting meeting = new ConferenceMeeting();
        meeting.id = ids.newId();
        meeting.seriesId = seriesId;
        meeting.scheduledFor = request.scheduledFor();
        meeting.createdBy = access.caller().username();
        meeting.createdAt = now;
        em.persist(meeting);
        audit.record(AuditAction.CREATE, Subject.of("conference-meeting", meeting.id, null), Set.of());
        return view(meeting, List.of());
    }

    @Transactional
    public Page<MeetingView> meetings(UUID seriesId, String cursor, int limit) {
        access.require(Capability.READ_CONFERENCES);
        visible(seriesId, LockModeType.NONE);
        Optional<Keyset> after = Optional.ofNullable(cursor).map(Keyset::fromCursor);
        var query = em.createQuery(
                        "from ConferenceMeeting m where m.seriesId = :series"
                                + (after.isPresent() ? " and (m.scheduledFor, m.id) > (:afterTime, :afterId)" : "")
                                + " order by m.scheduledFor, m.id",
                        ConferenceMeeting.class)
                .setParameter("series", seriesId)
                .setMaxResults(limit + 1);
        after.ifPresent(k -> query.setParameter("afterTime", k.updatedAt()).setParameter("afterId", k.id()));
        return Keyset.page(query.getResultList(), limit, m -> new Keyset(m.scheduledFor, m.id), m -> view(m, null));
    }

    @Transactional
    public MeetingView meeting(UUID meetingId) {
        access.require(Capability.READ_CONFERENCES);
        ConferenceMeeting meeting = visibleMeeting(meetingId, LockModeType.NONE);
        Optional<Instant> seated = access.caller().agencyId().flatMap(agency -> seatedSince(meeting.seriesId, agency));
        List<AgendaItem> agenda =
                ConferenceRules.seesAgenda(access.caller(), seated, Optional.ofNullable(meeting.heldAt))
                        ? agenda(meeting.id)
                        : List.of();
        // That a case is on a conference's agenda says something of her: who read it is kept.
        audit.record(
                AuditAction.READ,
                Subject.of("conference-meeting", meeting.id, null),
                Set.of(),
                agenda.size() + " cases on the agenda");
        return view(meeting, agenda);
    }

    /** The chair records who took part; the meeting is held from then, and the cases on it heard. */
    @Transactional
    public MeetingView recordAttendance(UUID meetingId, Attendance attendance) {
        access.require(Capability.RUN_CONFERENCES);
        ConferenceMeeting meeting = visibleMeeting(meetingId, LockModeType.PESSIMISTIC_WRITE);
        Seated seated = visible(meeting.seriesId, LockModeType.NONE);
        requireChair(seated.series());
        List<UUID> strangers = attendance.agencyIds().stream()
                .filter(a -> !seated.members().contains(a))
                .sorted()
                .toList();
        if (!strangers.isEmpty()) {
            throw new ProblemException.InvalidInput(
                    "agencyIds", "names agencies that do not sit in the series: " + strangers);
        }
        Instant now = clock.instant();
        if (meeting.scheduledFor.isAfter(now)) {
            throw new ProblemException.Conflict(
                    "meeting-not-yet",
                    "Meeting " + meetingId + " sits at " + meeting.scheduledFor + ", not before",
                    Map.of());
        }
        if (meeting.held()) {
            throw new ProblemException.Conflict(
                    "meeting-held", "Meeting " + meetingId + " was held; its attendance was recorded then", Map.of());
        }
        meeting.attendedAgencyIds = attendance.agencyIds().stream().sorted().toArray(UUID[]::new);
        // Held now, when it is recorded, and never earlier: a meeting scheduled in the past cannot move a case into a
        // month the data return has already published, nor start a repeat window before it sat.
        meeting.heldAt = now;
        audit.record(
                AuditAction.UPDATE,
                Subject.of("conference-meeting", meeting.id, null),
                Set.of(),
                attendance.agencyIds().size() + " agencies attended");
        return view(meeting, agenda(meeting.id));
    }

    /** A series the caller sees, with its members; 404 as for one that does not exist to anyone else. */
    Seated visible(UUID seriesId, LockModeType lock) {
        ConferenceSeries series = Optional.ofNullable(em.find(ConferenceSeries.class, seriesId, lock))
                .orElseThrow(() -> new ProblemException.NotFound("Conference series " + seriesId));
        Set<UUID> members = membersOf(List.of(seriesId)).getOrDefault(seriesId, Set.of());
        if (!ConferenceRules.seesSeries(access.caller(), members)) {
            throw new ProblemException.NotFound("Conference series " + seriesId);
        }
        return new Seated(series, members);
    }

    ConferenceMeeting visibleMeeting(UUID meetingId, LockModeType lock) {
        ConferenceMeeting meeting = Optional.ofNullable(em.find(ConferenceMeeting.class, meetingId, lock))
                .orElseThrow(() -> new ProblemException.NotFound("Conference meeting " + meetingId));
        try {
            visible(meeting.seriesId, LockModeType.NONE);
        } catch (ProblemException.NotFound hidden) {
            throw new ProblemException.NotFound("Conference meeting " + meetingId);
        }
        return meeting;
    }

    void requireChair(ConferenceSeries series) {
        if (!ConferenceRules.runsMeetings(access.caller(), series.chairAgencyId)) {
            throw new ProblemException.Forbidden("The chair agency's staff run the series' meetings");
        }
    }

    /** The series each of these agencies' cases go before: the series the agency sits in, oldest first. */
    List<UUID> seriesOf(UUID agencyId) {
        @SuppressWarnings("unchecked")
        List<UUID> series =
                em.createNativeQuery("""
                        select m.series_id from conference_member m join conference_series s on s.id = m.series_id
                        where m.agency_id = ?1 order by s.created_at, s.id""", UUID.class).setParameter(1, agencyId).getResultList();
        return series;
    }

    /** When the agency took its seat in the series, if it sits there. */
    Optional<Instant> seatedSince(UUID seriesId, UUID agencyId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        "select added_at from conference_member where series_id = ?1 and agency_id = ?2")
                .setParameter(1, seriesId)
                .setParameter(2, agencyId)
                .getResultList();
        return rows.stream().findFirst().map(SqlValues::instant);
    }

    Map<UUID, Set<UUID>> membersOf(List<UUID> seriesIds) {
        if (seriesIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select series_id, agency_id from conference_member where series_id in (:series)"
                                + " order by series_id, added_at, agency_id")
                .setParameter("series", seriesIds)
                .getResultList();
        Map<UUID, Set<UUID>> members = new java.util.HashMap<>();
        for (Object[] row : rows) {
            members.computeIfAbsent((UUID) row[0], k -> new LinkedHashSet<>()).add((UUID) row[1]);
        }
        return members;
    }

    private Seated managed(UUID id) {
        access.require(Capability.MANAGE_CONFERENCES);
        // The series row is locked so that two changes of its members one after the other count right.
        Seated seated = visibleToManager(id);
        if (!ConferenceRules.managesSeries(access.caller(), seated.series().chairAgencyId)) {
            throw new ProblemException.Forbidden("An agency admin manages only a series its own agency chairs");
        }
        return seated;
    }

    private Seated visibleToManager(UUID id) {
        Seated seated = visible(id, LockModeType.PESSIMISTIC_WRITE);
        return seated;
    }

    private void seat(UUID seriesId, UUID agencyId) {
        em.createNativeQuery("""
                        insert into conference_member (series_id, agency_id, tenant_id, added_by, added_at)
                        values (?1, ?2, current_setting('qorgau.tenant', true), ?3, ?4) on conflict do nothing""")
                .setParameter(1, seriesId)
                .setParameter(2, agencyId)
                .setParameter(3, access.caller().username())
                .setParameter(4, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    private List<AgendaItem> agenda(UUID meetingId) {
        return em.createQuery(
                        "from ConferenceCase where meetingId = :meeting order by proposedAt, id", ConferenceCase.class)
                .setParameter("meeting", meetingId)
                .setMaxResults(200)
                .getResultStream()
                .map(c -> new AgendaItem(c.id, c.caseId, c.criterion, c.repeat))
                .toList();
    }

    private static SeriesView view(ConferenceSeries series, Set<UUID> members) {
        return new SeriesView(
                series.id, series.name, series.district, series.chairAgencyId, List.copyOf(members), series.createdAt);
    }

    private static MeetingView view(ConferenceMeeting meeting, List<AgendaItem> agenda) {
        return new MeetingView(
                meeting.id,
                meeting.seriesId,
                meeting.scheduledFor,
                meeting.heldAt,
                List.of(meeting.attendedAgencyIds),
                agenda);
    }
}
