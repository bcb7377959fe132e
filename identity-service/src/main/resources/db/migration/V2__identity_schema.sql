-- identity-service: the jurisdiction tree, organisations, the accounts it provisioned in Keycloak,
-- registration attempts (idempotency and compensation) and integration clients.

create table authority (
    code        varchar(6)  primary key,
    name        varchar(100) not null,
    level       varchar(16) not null check (level in ('NATIONAL', 'PROVINCE', 'CITY', 'DISTRICT')),
    parent_code varchar(6)  references authority (code),
    check (code ~ '^[0-9]{6}$'),
    check ((level = 'NATIONAL') = (parent_code is null))
);
create index authority_parent on authority (parent_code);

create table authority_department (
    authority_code varchar(6)  not null references authority (code),
    department     varchar(40) not null,
    name           varchar(120) not null,
    primary key (authority_code, department)
);

create table organisation (
    id                          uuid primary key,
    kind                        varchar(32)  not null,
    name                        varchar(200) not null,
    short_name                  varchar(100),
    uscc                        varchar(18),
    school_code                 varchar(10),
    province_code               varchar(6)   not null references authority (code),
    city_code                   varchar(6)   references authority (code),
    district_code               varchar(6)   references authority (code),
    address                     varchar(300) not null,
    postal_code                 varchar(6),
    phone                       varchar(30)  not null,
    email                       varchar(254),
    website                     varchar(300),
    industry                    varchar(100),
    leader_name                 varchar(60),
    leader_title                varchar(60),
    leader_phone                varchar(30),
    leader_email                varchar(254),
    central_soe                 boolean,
    china_top500                boolean,
    integration_enterprise_level varchar(16),
    master_degree_rights        boolean,
    doctoral_degree_rights      boolean,
    vocational_level            varchar(16),
    double_high_level           varchar(16),
    independent_training_institution boolean,
    park_level                  varchar(16),
    park_output_value           numeric(14, 2),
    park_output_year            integer,
    management_committee        varchar(200),
    government_authority_code   varchar(6)   references authority (code),
    government_department       varchar(40),
    status                      varchar(16)  not null check (status in ('PENDING', 'VERIFIED', 'REJECTED')),
    rejection_reason            varchar(500),
    reviewed_by                 varchar(64),
    reviewed_by_authority       varchar(6),
    reviewed_at                 timestamptz,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     bigint       not null,
    check (uscc is not null or school_code is not null)
);
-- a code is registered once
create unique index organisation_uscc on organisation (uscc) where uscc is not null;
create unique index organisation_school_code on organisation (school_code) where school_code is not null;
create index organisation_province on organisation (province_code);
create index organisation_city on organisation (city_code);
create index organisation_district on organisation (district_code);
create index organisation_updated on organisation (updated_at, id);
create index organisation_name on organisation (lower(name));

create table account (
    id              uuid primary key,          -- the Keycloak user id (token subject)
    username        varchar(255) not null,
    family_name     varchar(60)  not null,
    given_name      varchar(60)  not null,
    email           varchar(254) not null,
    mobile          varchar(11),
    kind            varchar(24)  not null,
    organisation_id uuid references organisation (id),
    authority_code  varchar(6)   references authority (code),
    department      varchar(40),
    created_by      varchar(64),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create unique index account_username on account (lower(username));
create index account_organisation on account (organisation_id);
create index account_scope on account (authority_code, department);
create index account_updated on account (updated_at, id);

create table account_role (
    account_id uuid        not null references account (id) on delete cascade,
    role       varchar(32) not null,
    primary key (account_id, role)
);
create index account_role_role on account_role (role);

-- One row per provisioning in flight — a self-registration or an invitation whose Keycloak user may
-- exist while our rows do not yet — so that a failure half way is compensated (now, or by the
-- sweeper once Keycloak is back); kept after success only for a self-registration sent with an
-- Idempotency-Key, with its answer, so that a retry gets the same answer and creates nothing.
-- The Keycloak user carries the attempt's id as attribute provisioning_id. Passwords are never part
-- of the stored hash or answer.
create table provisioning_attempt (
    id               uuid primary key,
    purpose          varchar(24)  not null,
    idempotency_key  varchar(100),
    request_hash     varchar(64)  not null,
    organisation_id  uuid,
    username         varchar(255) not null,
    status           varchar(16)  not null check (status in ('IN_PROGRESS', 'COMPLETED')),
    response         text,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create unique index provisioning_attempt_key on provisioning_attempt (idempotency_key) where idempotency_key is not null;
create index provisioning_attempt_status on provisioning_attempt (status, updated_at);

create table integration_client (
    client_id      varchar(100) primary key,
    keycloak_id    uuid         not null,
    name           varchar(200) not null,
    province_code  varchar(6)   not null references authority (code),
    created_by     varchar(64),
    created_at     timestamptz  not null
);
