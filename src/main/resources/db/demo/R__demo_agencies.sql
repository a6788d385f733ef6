-- The demo networks' agencies, with the ids the demo Keycloak realms give their users (src/main/keycloak).
-- Applied only where quarkus.flyway.locations includes db/demo: the demo stack and the end-to-end tests.
insert into tenant (id, name, created_at) values
    ('almaty', 'Almaty city', now()),
    ('astana', 'Astana city', now())
on conflict (id) do nothing;

insert into agency (id, tenant_id, name, kind, district, services, districts, languages, hours, free_places,
                    accepting_referrals, active, version, created_at, updated_at, directory_updated_at) values
    ('0192a000-0000-7000-8000-000000000101', 'almaty', 'Almaly district police department', 'POLICE', 'Almaly',
     '{}', '{Almaly}', '{kk,ru}', '24/7', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000102', 'almaty', 'Almaty city social protection department', 'SOCIAL_PROTECTION', 'Almaly',
     '{SOCIAL_BENEFITS,CHILD_PROTECTION,PSYCHOLOGICAL_COUNSELLING,HOUSING_SUPPORT}', '{Almaly,Medeu,Bostandyk}', '{kk,ru}',
     'Mon-Fri 09:00-18:00', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000103', 'almaty', 'Almaty crisis centre for women', 'NGO_CRISIS_CENTRE', 'Medeu',
     '{SHELTER,PSYCHOLOGICAL_COUNSELLING,LEGAL_AID,CRISIS_HOTLINE}', '{Almaly,Medeu}', '{kk,ru,en}', '24/7', 3, true, true, 0,
     now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000104', 'almaty', 'Family support shelter', 'NGO_CRISIS_CENTRE', 'Bostandyk',
     '{SHELTER,PSYCHOLOGICAL_COUNSELLING}', '{Almaly,Bostandyk}', '{kk,ru}', '24/7', 1, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000105', 'almaty', 'Almaty guardianship and child protection office', 'CHILD_PROTECTION',
     'Almaly', '{CHILD_PROTECTION}', '{Almaly,Medeu,Bostandyk}', '{kk,ru}', 'Mon-Fri 09:00-18:00', null, true, true, 0,
     now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000106', 'almaty', 'School-lyceum No. 12', 'EDUCATION', 'Medeu',
     '{}', '{Medeu}', '{kk,ru}', 'Mon-Fri 08:00-17:00', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000107', 'almaty', 'Almaty 111 contact centre', 'HOTLINE', 'Almaly',
     '{CRISIS_HOTLINE}', '{Almaly,Medeu,Bostandyk}', '{kk,ru,en}', '24/7', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000201', 'astana', 'Yesil district police department', 'POLICE', 'Yesil',
     '{}', '{Yesil}', '{kk,ru}', '24/7', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000202', 'astana', 'Astana city social protection department', 'SOCIAL_PROTECTION', 'Yesil',
     '{SOCIAL_BENEFITS,CHILD_PROTECTION,PSYCHOLOGICAL_COUNSELLING}', '{Yesil,Saryarka}', '{kk,ru}', 'Mon-Fri 09:00-18:00',
     null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000203', 'astana', 'Astana crisis centre', 'NGO_CRISIS_CENTRE', 'Saryarka',
     '{SHELTER,PSYCHOLOGICAL_COUNSELLING,LEGAL_AID}', '{Yesil,Saryarka}', '{kk,ru}', '24/7', 2, true, true, 0, now(), now(),
     now()),
    ('0192a000-0000-7000-8000-000000000205', 'astana', 'Astana guardianship and child protection office', 'CHILD_PROTECTION',
     'Yesil', '{CHILD_PROTECTION}', '{Yesil,Saryarka}', '{kk,ru}', 'Mon-Fri 09:00-18:00', null, true, true, 0, now(),
     now(), now()),
    ('0192a000-0000-7000-8000-000000000206', 'astana', 'School-gymnasium No. 3', 'EDUCATION', 'Yesil',
     '{}', '{Yesil}', '{kk,ru}', 'Mon-Fri 08:00-17:00', null, true, true, 0, now(), now(), now()),
    ('0192a000-0000-7000-8000-000000000207', 'astana', 'Astana 111 contact centre', 'HOTLINE', 'Yesil',
     '{CRISIS_HOTLINE}', '{Yesil,Saryarka}', '{kk,ru}', '24/7', null, true, true, 0, now(), now(), now())
on conflict (id) do nothing;
