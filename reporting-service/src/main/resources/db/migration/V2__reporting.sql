-- reporting-service: approved platforms (as PlatformApproved told us), their yearly report
-- obligations with one report document each, the supply-demand lists and their rows, undertakings
-- of technology demands, and uploaded attachments.
create extension if not exists pg_trgm;

-- What we know of an approved platform: enough for data-level access, regions and deadlines.
create table platform (
    id                       uuid primary key,
    programme_id             uuid         not null,
    programme_code           varchar(64)  not null,
    platform_type            varchar(40)  not null,
    name                     varchar(300) not null,
    lead_organisation_id     uuid         not null,
    lead_organisation_ids    uuid[]       not null,
    member_organisation_ids  uuid[]       not null,
    region_code              varchar(6),
    authority_code           varchar(6)   not null,
    plan_years               int[]        not null,
    approved_at              timestamptz  not null,
    revoked_at               timestamptz,
    revoked_reason           varchar(2000)
);
create index platform_leads on platform using gin (lead_organisation_ids);
create index platform_members on platform using gin (member_organisation_ids);
create index platform_authority on platform (authority_code);

-- One report obligation per platform, kind and plan year, with its report document (sections as JSON).
create table report (
    id                uuid primary key,
    obligation_id     uuid         not null unique,
    platform_id       uuid         not null references platform (id),
    kind              varchar(40)  not null,
    year              int          not null,
    due_on            date         not null,
    due_at            timestamptz  not null,
    status            varchar(16)  not null,
    sections          jsonb        not null,
    attachments       jsonb        not null default '[]'::jsonb,
    version           bigint       not null,
    submitted_at      timestamptz,
    on_time           boolean,
    overdue_at        timestamptz,
    reviewed_at       timestamptz,
    reviewed_by       varchar(200),
    review_comment    varchar(2000),
    published_at      timestamptz,
    cancelled_at      timestamptz,
    updated_at        timestamptz  not null,
    unique (platform_id, kind, year)
);
create index report_due on report (due_at) where submitted_at is null and overdue_at is null and cancelled_at is null;
create index report_platform on report (platform_id, year);

-- Uploaded files (the stamped PDF of a report, evidence of an undertaking): content-sniffed, stored on disk.
create table attachment (
    id              uuid primary key,
    organisation_id uuid,
    file_name       varchar(300) not null,
    file_type       varchar(8)   not null,
    content_type    varchar(120) not null,
    size            bigint       not null,
    sha256          varchar(64)  not null,
    storage_key     varchar(300) not null,
    uploaded_by     varchar(200) not null,
    uploaded_at     timestamptz  not null
);

-- A supply-demand list: one per platform, kind and year; DRAFT until published.
create table sd_list (
    id            uuid primary key,
    platform_id   uuid         not null references platform (id),
    kind          varchar(32)  not null,
    year          int          not null,
    industry      varchar(100),
    status        varchar(16)  not null,
    version       bigint       not null,
    row_count     int          not null default 0,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    published_at  timestamptz,
    unique (platform_id, kind, year)
);

-- The rows of every list in one table: the seed columns map onto these fields (see ListKind);
-- platform, year, region and industry are copied from the list so public search filters without a join.
create table sd_row (
    id              uuid primary key,
    list_id         uuid         not null references sd_list (id) on delete cascade,
    platform_id     uuid         not null,
    kind            varchar(32)  not null,
    year            int          not null,
    region_code     varchar(6),
    industry        varchar(100),
    position        int          not null,
    unit_name       varchar(300),
    description     varchar(4000),
    major           varchar(500),
    education_level varchar(24),
    headcount       int,
    contact         varchar(100),
    phone           varchar(60),
    start_on        date,
    end_on          date,
    service_type    varchar(24),
    search_text     text generated always as (
        coalesce(unit_name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(major, '') || ' '
        || coalesce(service_type, '')) stored,
    -- the distinct overlapping character pairs of search_text, lower case, none with white space
    -- (written by the service with the row: SdLists.pairs)
    search_pairs    text[]       not null default '{}'
);
create index sd_row_list on sd_row (list_id, position);
create index sd_row_search on sd_row using gin (search_text gin_trgm_ops);

-- pg_trgm cannot narrow a LIKE pattern shorter than three characters, and most Chinese keywords have
-- two (焊接, 数控). The overlapping character pairs of the text (search_pairs, computed once when a row
-- is written), indexed with GIN, can: a keyword of n >= 2 characters must have all its n-1 pairs
-- (`search_pairs @> pairs`), and ILIKE then checks the order. Works in every locale.
create index sd_row_pairs on sd_row using gin (search_pairs);
create index sd_row_major on sd_row using gin (major gin_trgm_ops);
create index sd_row_kind on sd_row (kind, year);
-- a row is public when its list is: publishing a list updates one sd_list row, not its 100,000 rows
create index sd_list_published on sd_list (published_at desc) where status = 'PUBLISHED';

-- A member organisation undertaking (承接) a published technology demand.
create table undertaking (
    id                         uuid primary key,
    demand_id                  uuid         not null references sd_row (id),
    platform_id                uuid         not null,
    owner_organisation_id      uuid         not null,
    undertaker_organisation_id uuid         not null,
    status                     varchar(24)  not null,
    plan                       varchar(2000),
    progress                   jsonb        not null default '[]'::jsonb,
    completion_summary         varchar(4000),
    evidence                   jsonb        not null default '[]'::jsonb,
    version                    bigint       not null,
    undertaken_at              timestamptz  not null,
    completion_reported_at     timestamptz,
    completed_at               timestamptz,
    updated_at                 timestamptz  not null
);
create unique index undertaking_active on undertaking (demand_id) where status <> 'WITHDRAWN';
