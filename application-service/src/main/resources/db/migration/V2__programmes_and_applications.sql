-- Programmes (calls) as data: the definition is the whole rule set (windows, per-type rules,
-- indicator catalogue, sections, attachments, review route, quota), validated by the service.
create table programme (
    id             uuid primary key,
    code           varchar(64)  not null unique,
    name           varchar(200) not null,
    authority_code varchar(6)   not null,
    level          varchar(16)  not null,
    published      boolean      not null,
    preset         boolean      not null default false,
    definition     jsonb        not null,
    version        bigint       not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);
create index programme_authority on programme (authority_code);

-- Application forms. The form (basic info, lead units, participants, plan, sections, commitment)
-- is one JSON document edited part by part under optimistic locking (version).
create table application (
    id                       uuid primary key,
    programme_id             uuid         not null references programme (id),
    platform_type            varchar(40)  not null,
    organisation_id          uuid         not null,
    status                   varchar(24)  not null,
    name                     varchar(200),
    recommending_region_code varchar(6),
    review_departments       varchar(200) not null,
    form                     jsonb        not null,
    version                  bigint       not null,
    return_comment           varchar(2000),
    created_by               varchar(200) not null,
    created_at               timestamptz  not null,
    updated_at               timestamptz  not null,
    submitted_at             timestamptz
);
create index application_organisation on application (organisation_id, updated_at desc);
create index application_programme on application (programme_id, platform_type, status);
create index application_updated on application (updated_at);

-- The form as submitted, frozen: what reviewers review even if the draft is later returned and edited.
create table application_snapshot (
    id                uuid primary key,
    application_id    uuid        not null references application (id),
    form_version      bigint      not null,
    programme_version bigint      not null,
    taken_at          timestamptz not null,
    form              jsonb       not null,
    attachments       jsonb       not null
);
create index application_snapshot_application on application_snapshot (application_id, taken_at desc);

-- Every status change: who, when, from, to, comment.
create table application_transition (
    id             bigserial primary key,
    application_id uuid         not null references application (id),
    from_status    varchar(24),
    to_status      varchar(24)  not null,
    actor          varchar(200) not null,
    at             timestamptz  not null,
    comment        varchar(2000)
);
create index application_transition_application on application_transition (application_id, at);

-- Uploaded files: metadata here, content in the object storage under storage_key.
create table attachment (
    id             uuid primary key,
    application_id uuid         not null references application (id),
    kind           varchar(40)  not null,
    file_name      varchar(255) not null,
    file_type      varchar(10)  not null,
    content_type   varchar(100) not null,
    size_bytes     bigint       not null,
    sha256         char(64)     not null,
    storage_key    varchar(300) not null,
    uploaded_by    varchar(200) not null,
    uploaded_at    timestamptz  not null
);
create index attachment_application on attachment (application_id, kind);

