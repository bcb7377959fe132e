-- Issue 5: review route, recommendation lists with quotas, expert review rounds, stage records,
-- public notices with objections, approved platforms and the working-day calendar.

-- The audit of each transition also names the actor's role, the review stage and the deciding authority.
alter table application_transition
    add column actor_role     varchar(40),
    add column stage          varchar(40),
    add column authority_code varchar(6),
    add column department     varchar(40);

-- Where a submitted application stands on its programme's review route (index into the route as it
-- applies to this application, skipped stages left out), and who recommended it.
create table application_review (
    application_id         uuid primary key references application (id),
    stage_index            int          not null,
    recommended_by         varchar(6),
    recommended_department varchar(40),
    recommended_rank       int,
    recommended_at         timestamptz,
    updated_at             timestamptz  not null
);
create index application_review_recommender on application_review (recommended_by);

-- A recommending authority's list per programme and type: ranked, then locked.
create table recommendation_list (
    programme_id   uuid        not null references programme (id),
    platform_type  varchar(40) not null,
    authority_code varchar(6)  not null,
    department     varchar(40) not null,
    locked_at      timestamptz,
    locked_by      varchar(200),
    primary key (programme_id, platform_type, authority_code)
);

-- Expert review rounds of a programme and type, held by the authority of the route's expert stage.
create table review_round (
    id                      uuid primary key,
    programme_id            uuid         not null references programme (id),
    platform_type           varchar(40)  not null,
    name                    varchar(200) not null,
    authority_code          varchar(6)   not null,
    department              varchar(40)  not null,
    experts_per_application int          not null,
    avoid_same_city         boolean      not null,
    status                  varchar(16)  not null,
    created_by              varchar(200) not null,
    created_at              timestamptz  not null,
    closed_at               timestamptz
);

create table review_round_application (
    round_id       uuid not null references review_round (id),
    application_id uuid not null references application (id),
    average        numeric(8, 2),
    average_without_outliers numeric(8, 2),
    primary key (round_id, application_id)
);
create index review_round_application_application on review_round_application (application_id);

create table expert_assignment (
    id                     uuid primary key,
    round_id               uuid         not null references review_round (id),
    application_id         uuid         not null references application (id),
    expert_id              uuid         not null,
    expert_name            varchar(200),
    expert_organisation_id uuid,
    how                    varchar(10)  not null,
    assigned_by            varchar(200) not null,
    assigned_at            timestamptz  not null,
    scores                 jsonb,
    deduction              numeric(8, 2),
    total                  numeric(8, 2),
    comment                varchar(4000),
    scored_at              timestamptz,
    outlier                boolean      not null default false,
    unique (round_id, application_id, expert_id)
);
create index expert_assignment_expert on expert_assignment (expert_id, assigned_at desc);

-- Meeting review and site visit: outcome, comment and the minutes (a file in the object storage).
create table review_stage_record (
    id             uuid primary key,
    application_id uuid         not null references application (id),
    stage          varchar(40)  not null,
    outcome        varchar(16)  not null,
    comment        varchar(4000),
    minutes_id     uuid references attachment (id),
    recorded_by    varchar(200) not null,
    recorded_at    timestamptz  not null
);
create index review_stage_record_application on review_stage_record (application_id, recorded_at);

-- Public notices (公示) of shortlisted applications and the objections (异议) filed during them.
create table public_notice (
    id             uuid primary key,
    programme_id   uuid         not null references programme (id),
    authority_code varchar(6)   not null,
    title          varchar(300) not null,
    starts_on      date         not null,
    ends_on        date         not null,
    starts_at      timestamptz  not null,
    ends_at        timestamptz  not null,
    working_days   int          not null,
    status         varchar(16)  not null,
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    closed_at      timestamptz
);
create index public_notice_open on public_notice (status, ends_at);

create table notice_application (
    notice_id      uuid not null references public_notice (id),
    application_id uuid not null references application (id),
    position       int  not null,
    outcome        varchar(16),
    primary key (notice_id, application_id)
);

create table objection (
    id             uuid primary key,
    notice_id      uuid          not null references public_notice (id),
    application_id uuid          not null references application (id),
    filer_name     varchar(100)  not null,
    filer_contact  varchar(200)  not null,
    grounds        varchar(5000) not null,
    status         varchar(16)   not null,
    assignee       varchar(200),
    ruling_reason  varchar(2000),
    ruled_by       varchar(200),
    ruled_at       timestamptz,
    filed_at       timestamptz   not null
);
create index objection_notice on objection (notice_id, filed_at);

-- Approved platforms (培育建设单位); revoked ones keep their row.
create table platform (
    id                   uuid primary key,
    application_id       uuid         not null unique references application (id),
    programme_id         uuid         not null references programme (id),
    notice_id            uuid references public_notice (id),
    platform_type        varchar(40)  not null,
    name                 varchar(200) not null,
    lead_organisation_id uuid         not null,
    region_code          varchar(6),
    authority_code       varchar(6)   not null,
    plan_from            int          not null,
    plan_to              int          not null,
    status               varchar(16)  not null,
    approved_at          timestamptz  not null,
    revoked_at           timestamptz,
    revoke_reason        varchar(2000),
    revoked_by           varchar(200)
);
create index platform_programme on platform (programme_id, status);

-- The working-day calendar: days that differ from Monday–Friday (statutory holidays and make-up
-- working days). Seeded from calendar/cn-working-days.yml; platform admins edit later years.
create table calendar_day (
    day        date primary key,
    kind       varchar(10)  not null,
    name       varchar(60)  not null,
    source     varchar(300),
    updated_by varchar(200) not null,
    updated_at timestamptz  not null
);
