-- indicator-service: catalogues, platforms with members and plan targets, collection windows,
-- platform-years with their values, facts for derived indicators, published assessments.

-- One programme's monitoring catalogue (classpath:catalogues/*.yml, loaded on first start).
create table catalogue (
    programme_code  varchar(64)  not null primary key,
    programme_id    uuid,                      -- application-service's id, learnt from PlatformApproved
    name            text         not null,
    authority_code  varchar(12)  not null,
    definition      jsonb        not null,
    loaded_at       timestamptz  not null
);

-- An approved platform (PlatformApproved), its members and the plan table's targets.
create table platform (
    id                    uuid         not null primary key,
    programme_code        varchar(64)  not null,
    programme_id          uuid         not null,
    platform_type         varchar(64)  not null,
    name                  text         not null,
    lead_organisation_id  uuid         not null,
    lead_organisation_ids uuid[]       not null,
    region_code           varchar(12),
    authority_code        varchar(12),
    plan_years            int[]        not null,
    baseline_year         int,
    centre_type           varchar(40),
    status                varchar(16)  not null,  -- ACTIVE, REVOKED
    approved_at           timestamptz  not null,
    revoked_reason        text,
    updated_at            timestamptz  not null
);
create index platform_by_programme on platform (programme_code, platform_type);
create index platform_by_lead on platform using gin (lead_organisation_ids);

create table platform_member (
    platform_id     uuid         not null references platform (id) on delete cascade,
    position        int          not null,
    organisation_id uuid,
    name            text         not null,
    role            varchar(20)  not null,
    member_type     varchar(64),
    code            varchar(32),
    province_code   varchar(12),
    city_code       varchar(12),
    district_code   varchar(12),
    primary key (platform_id, position)
);

create table plan_target (
    platform_id    uuid           not null references platform (id) on delete cascade,
    indicator_code varchar(64)    not null,
    year           int            not null,
    value          numeric(20, 4) not null,
    primary key (platform_id, year, indicator_code)
);

-- A programme's collection of one year: opened and closed by the scheduler (ShedLock), once.
create table collection_window (
    id             uuid         not null primary key,
    programme_code varchar(64)  not null,
    year           int          not null,
    opens_at       timestamptz  not null,
    ends_at        timestamptz  not null,     -- exclusive: the window's last moment is ends_at - 1 s
    status         varchar(16)  not null,     -- OPEN, CLOSED
    opened_at      timestamptz  not null,
    closed_at      timestamptz,
    unique (programme_code, year)
);

-- One platform's collection of one year, versioned for If-Match.
create table platform_year (
    id             uuid         not null primary key,
    platform_id    uuid         not null references platform (id) on delete cascade,
    year           int          not null,
    status         varchar(16)  not null,     -- OPEN, SUBMITTED, REOPENED, LOCKED
    version        bigint       not null,
    deadline       timestamptz,               -- a reopening's deadline (exclusive)
    reopen_reason  text,
    submitted_at   timestamptz,
    submitted_by   text,
    updated_at     timestamptz  not null,
    unique (platform_id, year)
);

create table indicator_value (
    platform_year_id uuid           not null references platform_year (id) on delete cascade,
    indicator_code   varchar(64)    not null,
    value            numeric(20, 4) not null,
    evidence         jsonb          not null default '[]',
    note             text,
    updated_at       timestamptz    not null,
    updated_by       text           not null,
    primary key (platform_year_id, indicator_code)
);

-- Facts behind derived indicators (reporting.v1).
create table report_fact (
    obligation_id uuid         not null primary key,
    platform_id   uuid         not null,
    kind          varchar(64)  not null,
    year          int          not null,
    due_at        timestamptz,
    submitted_at  timestamptz,
    on_time       boolean,
    overdue       boolean      not null default false
);
create index report_fact_by_platform on report_fact (platform_id, year);

create table tech_demand_fact (
    undertaking_id   uuid not null primary key,
    demand_id        uuid not null,
    platform_id      uuid not null,
    undertaken_year  int,
    completed_year   int
);
create index tech_demand_fact_by_platform on tech_demand_fact (platform_id);

-- An authority's published assessment of a programme's year.
create table assessment (
    id             uuid         not null primary key,
    programme_code varchar(64)  not null,
    year           int          not null,
    authority_code varchar(12)  not null,
    platforms      int          not null,
    result         jsonb        not null,
    published_at   timestamptz  not null,
    published_by   text         not null,
    unique (programme_code, year, authority_code)
);
