-- Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d):
-- one database per service, as tools/scripts/setup-databases.js does on a local server.
CREATE DATABASE twinning_gateway;
CREATE DATABASE twinning_delegations;
CREATE DATABASE twinning_host_matching;
CREATE DATABASE twinning_logistics;
CREATE DATABASE twinning_notifications;
