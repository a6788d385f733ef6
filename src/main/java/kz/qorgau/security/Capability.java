package kz.qorgau.security;

import static kz.qorgau.security.Role.AGENCY_ADMIN;
import static kz.qorgau.security.Role.AUDITOR;
import static kz.qorgau.security.Role.COORDINATOR;
import static kz.qorgau.security.Role.POLICE_DISPATCH;
import static kz.qorgau.security.Role.POLICE_INSPECTOR;
import static kz.qorgau.security.Role.SAFEGUARDING_LEAD;

import java.util.EnumSet;
import java.util.Set;

/**
 * The functions of the API and the roles that may use them: the one table that says which role may call
 * what. Whether the caller may touch a particular object (its own agency's, another's) is decided by
 * {@link AccessRules} on top of this.
 */
public enum Capability {
    /** The tenant's agency directory: every role needs it, to choose a receiver or to read the trail. */
    READ_AGENCIES(EnumSet.complementOf(EnumSet.of(Role.EXTERNAL_RECIPIENT))),
    REGISTER_AGENCY(EnumSet.of(COORDINATOR)),
    /** Object-level: an agency-admin edits only its own agency, and not its kind or whether it is active. */
    EDIT_AGENCY(EnumSet.of(AGENCY_ADMIN, COORDINATOR)),
    REPORT_INCIDENT(EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR)),
    /** Object-level: the reporting agency's own incidents; coordinators all of the network's. */
    READ_INCIDENTS(EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR, COORDINATOR)),
    OPEN_CASE(Role.CASE_WORKERS),
    /** Object-level: the agencies on the case; coordinators every case of the network. */
    READ_CASES(with(Role.CASE_WORKERS, COORDINATOR)),
    /** Object-level: the case's lead agency records her consent; any agency on the case her withdrawal. */
    RECORD_CONSENT(Role.CASE_WORKERS),
    /** Object-level: an agency on the case refers its survivor to another agency. */
    SEND_REFERRAL(Role.CASE_WORKERS),
    /** Object-level: the sending and receiving agencies; coordinators every referral of the network. */
    READ_REFERRALS(with(with(Role.CASE_WORKERS, COORDINATOR), Role.EXTERNAL_RECIPIENT)),
    /** Object-level: the side of the referral the caller's agency is decides which actions it may fire. */
    WORK_REFERRALS(with(Role.CASE_WORKERS, Role.EXTERNAL_RECIPIENT)),
    /** The checklist is no case content: everyone who assesses or oversees may read it. */
    READ_RISK_QUESTIONNAIRE(with(Role.CASE_WORKERS, COORDINATOR)),
    PUBLISH_RISK_QUESTIONNAIRE(EnumSet.of(COORDINATOR)),
    /** Object-level: case workers of the agencies on the case. */
    RECORD_RISK_ASSESSMENT(Role.CASE_WORKERS),
    /** Object-level: police of the agencies on the case; they alone write orders. */
    RECORD_PROTECTIVE_ORDER(EnumSet.of(POLICE_INSPECTOR)),
    /** Object-level: the agencies on any of the case's referrals, and coordinators. */
    READ_PROTECTIVE_ORDERS(with(Role.CASE_WORKERS, COORDINATOR)),
    /** Object-level: case workers of the agencies that see the order. */
    REPORT_ORDER_VIOLATION(Role.CASE_WORKERS),
    /** Object-level: an agency's own staff keep its directory entry; coordinators any. */
    EDIT_DIRECTORY_ENTRY(with(with(Role.CASE_WORKERS, AGENCY_ADMIN), COORDINATOR)),
    /** The network's whole directory replaced from an Open Referral (HSDS) file: its coordinators. */
    IMPORT_DIRECTORY(EnumSet.of(COORDINATOR)),
    /** Object-level: the case's lead agency and coordinators. */
    READ_CASE_TIMELINE(with(Role.CASE_WORKERS, COORDINATOR)),
    /** Object-level: a case's own agencies, each seeing what its consent covers; coordinators see no personal data. */
    READ_SHARED_DATA(with(Role.CASE_WORKERS, Role.EXTERNAL_RECIPIENT)),
    /** Object-level: the lead agency closes its case. */
    CLOSE_CASE(Role.CASE_WORKERS),
    /** Object-level: the cases the caller's agency is on and may see her name or phone in. */
    SEARCH_CASES(Role.CASE_WORKERS),
    /** The audit trail: who did what, never case content. */
    READ_AUDIT(EnumSet.of(AUDITOR)),
    /** De-identified figures of the network, with small cells suppressed. */
    READ_STATISTICS(EnumSet.of(COORDINATOR)),
    /** Object-level: the events of the caller's agency's audience; coordinators their network's. */
    READ_EVENTS(with(
            with(with(with(Role.CASE_WORKERS, AGENCY_ADMIN), POLICE_DISPATCH), COORDINATOR), SAFEGUARDING_LEAD)),
    /** Object-level: an agency's admin manages its own agency's webhooks and reads their deliveries. */
    MANAGE_WEBHOOKS(EnumSet.of(AGENCY_ADMIN)),
    /**
     * Object-level: the queue of what waits on the caller's own agency (or one person of it); its admin reads it
     * to share out the work.
     */
    READ_NEEDS_ACTION(with(Role.CASE_WORKERS, AGENCY_ADMIN)),
    /** Object-level: the receiving agency's own staff hand its accepted referrals from one person to another. */
    ASSIGN_WORK(with(Role.CASE_WORKERS, AGENCY_ADMIN)),
    /** Object-level: an agency's admin moves all of one person's work to another at once, as when she leaves. */
    HAND_OVER_WORK(EnumSet.of(AGENCY_ADMIN)),
    /** Object-level: the agencies on the case, and the two sides of a referral, attach documents to them. */
    ATTACH_DOCUMENTS(Role.CASE_WORKERS),
    /**
     * Object-level: the same agencies, each downloading a document when her consent lets it see the document's
     * category; coordinators see no personal data.
     */
    READ_DOCUMENTS(Role.CASE_WORKERS),
    /** Object-level: police of an agency on the case link their agency's later incidents to it. */
    LINK_INCIDENTS(EnumSet.of(POLICE_INSPECTOR)),
    /** Object-level: the risk conferences the caller's agency sits in, their meetings and agendas; coordinators all. */
    READ_CONFERENCES(with(with(Role.CASE_WORKERS, AGENCY_ADMIN), COORDINATOR)),
    /** Object-level: coordinators set up series and their members; a chair agency's admin its own series. */
    MANAGE_CONFERENCES(EnumSet.of(AGENCY_ADMIN, COORDINATOR)),
    /** Object-level: the chair agency's staff schedule meetings, list or decline cases, record attendance and plans. */
    RUN_CONFERENCES(Role.CASE_WORKERS),
    /**
     * Object-level: an agency on the case proposes it to a series it sits in; members hear the cases listed, read
     * their summaries and research and record their own; the case's lead agency reads its minutes and plan.
     */
    HEAR_CONFERENCE_CASES(Role.CASE_WORKERS),
    /** Object-level: the agency that owns an action of a plan marks it done. */
    COMPLETE_CONFERENCE_ACTIONS(Role.CASE_WORKERS),
    /** The data return of a series and its overdue actions, without case content. */
    READ_CONFERENCE_RETURNS(EnumSet.of(COORDINATOR)),
    /** Coordinators follow the referrals that missed a deadline. */
    READ_ESCALATIONS(EnumSet.of(COORDINATOR)),
    /** Police record the person who harms her, from an incident or a case, and link him to others. */
    RECORD_PERPETRATORS(EnumSet.of(POLICE_INSPECTOR)),
    /** The network's police read a perpetrator's record, notes included; no other agency does. */
    READ_PERPETRATORS(EnumSet.of(POLICE_DISPATCH, POLICE_INSPECTOR)),
    /**
     * Object-level: the agencies on her case keep her safe-contact rules; every live party her consent shows her
     * contact data to reads and acknowledges them and records its attempts to reach her.
     */
    KEEP_SAFE_CONTACT(Role.CASE_WORKERS),
    /** Object-level: the agencies on her case record her household's children and whether they were at an incident. */
    KEEP_CHILD_RECORDS(Role.CASE_WORKERS),
    /** Object-level: an addressee agency reads and acknowledges its own notices about children at an incident. */
    READ_CHILD_NOTICES(with(Role.CASE_WORKERS, SAFEGUARDING_LEAD)),
    /**
     * Object-level: a case worker of an agency not on a case opens its minimal emergency view for a short time, with a
     * reason, and reads it while it lasts.
     */
    OPEN_EMERGENCY_ACCESS(Role.CASE_WORKERS),
    /** Object-level: the opening agency and the case's lead agency read a use of emergency access; coordinators all. */
    READ_EMERGENCY_ACCESS(with(Role.CASE_WORKERS, COORDINATOR)),
    /**
     * Object-level: her case's lead agency produces, for the survivor, the report of who holds and who has read her
     * data.
     */
    PRODUCE_DATA_REPORT(Role.CASE_WORKERS),
    /** Coordinators judge each use of emergency access justified or not. */
    REVIEW_EMERGENCY_ACCESS(EnumSet.of(COORDINATOR));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public Set<Role> roles() {
        return roles;
    }

    private static Set<Role> with(Set<Role> roles, Role another) {
        Set<Role> all = EnumSet.copyOf(roles);
        all.add(another);
        return all;
    }
}
