-- Where an agency is: a shelter's street address is confidential by default, shown to its own staff alone and,
-- once it accepted her referral and chose to, to the referral's sender. Its contact point is for everyone.
alter table agency
    add column street_address       varchar(500),
    add column address_confidential boolean      not null default true,
    add column contact_point        varchar(300);

-- A referral that took one of the receiver's free places gives it back when it ends; the receiver's address is
-- shown to the sender from the moment the receiver shares it.
alter table referral
    add column place_taken               boolean     not null default false,
    add column receiver_address_shared_at timestamptz;
