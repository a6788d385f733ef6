-- Hotlines (the 111 contact centre): survivors who call themselves open a case there, with her consent given on the
-- phone. Agencies not on the platform are reached through stand-ins of kind EXTERNAL (see V31).
alter table agency drop constraint agency_kind_check;
alter table agency add constraint agency_kind_check check (kind in (
    'POLICE', 'SOCIAL_PROTECTION', 'NGO_CRISIS_CENTRE', 'HEALTH', 'LEGAL_AID', 'OTHER', 'CHILD_PROTECTION', 'EDUCATION',
    'HOTLINE', 'EXTERNAL'));

alter table consent drop constraint consent_method_check;
alter table consent add constraint consent_method_check check (method in ('WRITTEN', 'VERBAL', 'ELECTRONIC', 'PHONE'));
