-- A referral to a recipient off the platform: its receiver is a stand-in agency of kind EXTERNAL (V30), and the
-- recipient acts on it through a single-use, expiring link and a code the sender gives by phone.
create table external_link (
    id                 uuid         primary key,
    tenant_id          varchar(63)  not null references tenant (id),
    referral_id        uuid         not null references referral (id),
    -- SHA-256 of the link's random token; the token itself is never stored.
    token_hash         bytea        not null unique,
    -- The code, keyed-hashed with the network's index key and the link's id.
    code_hash          bytea        not null,
    issued_by          varchar(255) not null,
    issued_by_agency   uuid         not null references agency (id),
    issued_at          timestamptz  not null,
    expires_at         timestamptz  not null,
    wrong_codes        integer      not null default 0 check (wrong_codes >= 0),
    locked_at          timestamptz,
    revoked_at         timestamptz,
    -- The code was given: the link is used, and only the session it opened acts on the referral.
    opened_at          timestamptz,
    session_hash       bytea,
    session_expires_at timestamptz,
    -- The recipient accepted or declined: nothing more is done through this link.
    spent_at           timestamptz,
    version            bigint       not null,
    check (expires_at > issued_at)
);
-- A referral's links, newest first; at most one is live at a time.
create index external_link_referral_idx on external_link (referral_id, issued_at desc);
create unique index external_link_live_idx on external_link (referral_id)
    where revoked_at is null and locked_at is null and spent_at is null;

alter table external_link enable row level security;
create policy tenant_isolation on external_link
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
