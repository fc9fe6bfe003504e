-- Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d), as the superuser.
-- One database per service, both owned by the role the services log in with; Flyway creates the tables.
-- The role's password comes from the container's environment, never from this file.
\getenv allmende_password ALLMENDE_DB_PASSWORD
\if :{?allmende_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'ALLMENDE_DB_PASSWORD is not set in the postgres container'; END $$;
\endif

CREATE ROLE allmende LOGIN PASSWORD :'allmende_password';

CREATE DATABASE membership OWNER allmende;
CREATE DATABASE billing OWNER allmende;

-- Only the services' role may connect; PostgreSQL grants CONNECT to everybody by default.
REVOKE CONNECT ON DATABASE membership FROM PUBLIC;
REVOKE CONNECT ON DATABASE billing FROM PUBLIC;
