-- Issue 17: every free text about people sealed at rest like the survivor's personal data; consent
-- withdrawn per recipient; the change feed filtered by tenant as well as agency.

-- The free text becomes AES-GCM values (privacy.SealedText): the key id travels in each value. As in V4, no
-- deployment holds these rows yet, so their plaintext is not carried over; a deployment with rows would
-- seal them in place before this step.
alter table incident
    alter column description type bytea using null,
    alter column persons drop default,
    alter column persons drop not null,
    alter column persons type bytea using null;

alter table case_file
    alter column summary type bytea using null,
    alter column close_reason type bytea using null;

alter table referral
    alter column note type bytea using null,
    alter column emergency_reason type bytea using null;

alter table referral_history
    alter column note type bytea using null;

alter table risk_assessment
    alter column answers drop not null,
    alter column answers type bytea using null,
    alter column judgement_reason type bytea using null;

alter table protective_order
    alter column conditions drop not null,
    alter column conditions type bytea using null,
    alter column revocation_reason type bytea using null;

alter table protective_order_violation
    alter column description drop not null,
    alter column description type bytea using null;

-- She may withdraw her consent from one agency and not from the others it names: the agencies withdrawn
-- one by one (by a WITHDRAW of their referral) are no longer covered, whatever else the consent says.
alter table consent
    add column withdrawn_from uuid[] not null default '{}';

-- Incidents that no case links are anonymised by retention too, by the time they were reported.
alter table incident
    add column anonymised_at timestamptz;
create index incident_retention_idx on incident (tenant_id, created_at) where anonymised_at is null;
