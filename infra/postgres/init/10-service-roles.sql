-- One database role per service, each owning its own schema and nothing else.
-- Run once, by the postgres image's entrypoint, when the data directory is first initialised
-- (mounted at /docker-entrypoint-initdb.d), as the superuser, in POSTGRES_DB. The passwords come
-- from the environment of the postgres container (psql 15's \getenv).
--
-- Each service applies its own migrations as its own role, so every table is that role's.
-- The roles also get CREATE on the database: the migrations and the runner say
-- `CREATE SCHEMA IF NOT EXISTS <schema>`, which PostgreSQL checks against that right even when
-- the schema exists. The four schemas are made here first, each owned by its role, so no role
-- can take another's name; no role has any right on another's schema.
\set ON_ERROR_STOP on

\getenv ingest_password INGEST_DB_PASSWORD
\getenv dedupe_password DEDUPE_DB_PASSWORD
\getenv publish_password PUBLISH_DB_PASSWORD
\getenv console_password CONSOLE_DB_PASSWORD

CREATE ROLE ingest LOGIN PASSWORD :'ingest_password';
CREATE ROLE dedupe LOGIN PASSWORD :'dedupe_password';
CREATE ROLE publish LOGIN PASSWORD :'publish_password';
CREATE ROLE console LOGIN PASSWORD :'console_password';

CREATE SCHEMA ingest AUTHORIZATION ingest;
CREATE SCHEMA dedupe AUTHORIZATION dedupe;
CREATE SCHEMA publish AUTHORIZATION publish;
CREATE SCHEMA console AUTHORIZATION console;

SELECT format('GRANT CONNECT, CREATE ON DATABASE %I TO ingest, dedupe, publish, console', current_database()) \gexec
SELECT format('REVOKE CREATE ON DATABASE %I FROM PUBLIC', current_database()) \gexec
