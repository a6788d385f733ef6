-- Documents attached to a case or to one of its referrals. Each is sealed under a key of its own (the data
-- key), which is itself sealed with the deployment's field key: a key rotation re-seals the small data key,
-- never the document, and erasing a document destroys its data key, so no copy of its bytes (a backup, an
-- object store's old version) opens again.
create table document (
    id                  uuid          primary key,
    tenant_id           varchar(63)   not null references tenant (id),
    case_id             uuid          not null references case_file (id),
    referral_id         uuid          references referral (id),
    kind                varchar(32)   not null,
    category            varchar(32)   not null,
    media_type          varchar(32)   not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes          integer       not null check (size_bytes > 0),
    store               varchar(16)   not null check (store in ('DATABASE', 'OBJECT_STORE')),
    data_key            bytea,
    uploader_agency_id  uuid          not null references agency (id),
    uploaded_by         varchar(255)  not null,
    created_at          timestamptz   not null,
    erased_at           timestamptz,
    erased_by           varchar(255),
    -- An erased document keeps its record and loses its key; a live one has its key.
    check ((erased_at is null) = (data_key is not null))
);
-- A case's documents and a referral's, oldest first, paged by (created_at, id).
create index document_case_idx on document (case_id, created_at, id) where referral_id is null;
create index document_referral_idx on document (referral_id, created_at, id) where referral_id is not null;

-- The sealed bytes, when the deployment keeps them in PostgreSQL; apart from the record so that lists never
-- read them.
create table document_content (
    document_id  uuid          primary key references document (id),
    tenant_id    varchar(63)   not null references tenant (id),
    sealed       bytea         not null
);

alter table document enable row level security;
create policy tenant_isolation on document
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
alter table document_content enable row level security;
create policy tenant_isolation on document_content
    using (tenant_id = current_setting('qorgau.tenant', true))
    with check (tenant_id = current_setting('qorgau.tenant', true));
-- Erasure removes the bytes themselves.
grant delete on document_content to "${app_role}";
