-- The API's own database role, created with a password when the database is first initialised (the
-- postgres image runs this once, as the owner, on an empty data volume). PostgreSQL checks passwords here,
-- so migration V8 cannot create a usable role itself: it finds this one and only grants it what it needs.
-- It owns nothing and cannot bypass row-level security; the API refuses to start on any other kind of role.
create role qorgau_app login password 'qorgau-app-demo-only'
    nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
