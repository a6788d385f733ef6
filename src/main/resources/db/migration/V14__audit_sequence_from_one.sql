-- Issue 19, found by the outside attack: the service's own role could seal an unchained entry with a sequence
-- number of zero or below, which no walk of the chain from 1 ever reaches, and so hide it. Numbers start at 1.
alter table audit_entry add constraint audit_entry_seq_from_one check (seq is null or seq >= 1);
