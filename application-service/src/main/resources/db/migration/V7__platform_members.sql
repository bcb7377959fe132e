-- Member changes of approved platforms (issue 15 item 7): the current members (written at approval; platforms
-- approved before this migration get theirs from the submitted form on first use), the member version the
-- If-Match of a change is checked against, and the audit of every change.
alter table platform add column member_version bigint not null default 1;

create table platform_member (
    id              uuid primary key,
    platform_id     uuid         not null references platform (id),
    position        int          not null,
    role            varchar(20)  not null,
    member_type     varchar(64),
    organisation_id uuid,
    name            varchar(200) not null,
    code            varchar(32),
    region_code     varchar(6),
    province_code   varchar(6),
    city_code       varchar(6),
    district_code   varchar(6),
    added_at        timestamptz  not null,
    removed_at      timestamptz
);
create index platform_member_platform on platform_member (platform_id, position);

create table platform_member_change (
    id               bigserial primary key,
    platform_id      uuid          not null references platform (id),
    member_id        uuid          not null,
    action           varchar(10)   not null,
    before_state     jsonb,
    after_state      jsonb,
    actor            varchar(200)  not null,
    actor_role       varchar(40)   not null,
    comment          varchar(2000),
    member_version   bigint        not null,
    at               timestamptz   not null
);
create index platform_member_change_platform on platform_member_change (platform_id, id);
