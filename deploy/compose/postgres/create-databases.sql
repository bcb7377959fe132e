-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service (a service never reads another's) and Keycloak's own.
-- External PostgreSQL (Kubernetes): create the same databases, see deploy/README.md.
CREATE DATABASE identity;
CREATE DATABASE application;
CREATE DATABASE reporting;
CREATE DATABASE indicator;
CREATE DATABASE notification;
CREATE DATABASE keycloak;
