-- Her e-mail, sealed as her phone is; whether her rules make any e-mail safe, for its release in a query.
alter table survivor add column email_sealed bytea;
alter table contact_rules add column email_safe boolean not null default false;
