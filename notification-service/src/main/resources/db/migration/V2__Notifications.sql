-- A notification accepted from an event or a reminder, waiting until its audience is resolved
-- through identity-service (retried while identity-service cannot answer, never dropped).
create table notification_request (
    id              uuid primary key,
    source_event_id uuid,
    source_type     varchar(120) not null,
    kind            varchar(80)  not null,
    params          jsonb        not null,
    audience        jsonb        not null,
    status          varchar(20)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    created_at      timestamptz  not null,
    done_at         timestamptz
);
create index notification_request_pending on notification_request (next_attempt_at) where status = 'PENDING';

-- The in-app inbox: one row per recipient; rendered in the reader's language when read.
create table notification (
    id         uuid primary key,
    request_id uuid         not null references notification_request (id),
    user_id    varchar(64)  not null,
    kind       varchar(80)  not null,
    params     jsonb        not null,
    created_at timestamptz  not null,
    read_at    timestamptz,
    constraint notification_once_per_user unique (request_id, user_id)
);
create index notification_inbox on notification (user_id, created_at desc);
create index notification_unread on notification (user_id) where read_at is null;

-- A user's language and channels per notification kind (the inbox is always on).
create table user_preference (
    user_id    varchar(64) primary key,
    language   varchar(10),
    channels   jsonb       not null default '{}',
    updated_at timestamptz not null
);

-- Reminders of a deadline, one row per stage; fired once, cancelled by completion events.
create table reminder (
    id                uuid primary key,
    deadline_event_id uuid         not null,
    deadline_kind     varchar(80)  not null,
    subject_id        varchar(200) not null,
    organisation_id   uuid,
    authority_code    varchar(12),
    due_at            timestamptz  not null,
    stage             varchar(20)  not null,
    fire_at           timestamptz  not null,
    status            varchar(20)  not null,
    fired_at          timestamptz,
    closed_reason     varchar(200),
    created_at        timestamptz  not null
);
create index reminder_due on reminder (fire_at) where status = 'SCHEDULED';
create index reminder_subject on reminder (subject_id) where status = 'SCHEDULED';

-- Integrators' webhook subscriptions.
create table webhook_subscription (
    id             uuid primary key,
    client_id      varchar(120)  not null,
    authority_code varchar(12)   not null,
    url            varchar(2000) not null,
    event_types    jsonb         not null,
    secret         varchar(100)  not null,
    description    varchar(500),
    active         boolean       not null,
    created_at     timestamptz   not null
);
create index webhook_subscription_client on webhook_subscription (client_id);

-- Every outbound message (e-mail, SMS, webhook) and its retries; DEAD after the last attempt.
create table delivery (
    id               uuid primary key,
    channel          varchar(20)   not null,
    notification_id  uuid references notification (id),
    subscription_id  uuid references webhook_subscription (id),
    event_id         uuid,
    event_type       varchar(120),
    recipient        varchar(2000) not null,
    content          jsonb         not null,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_error       text,
    created_at       timestamptz   not null,
    delivered_at     timestamptz
);
create index delivery_pending on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_subscription on delivery (subscription_id, created_at desc);

create table delivery_attempt (
    delivery_id uuid        not null references delivery (id),
    attempt     integer     not null,
    at          timestamptz not null,
    outcome     varchar(20) not null,
    http_status integer,
    error       text,
    duration_ms bigint,
    primary key (delivery_id, attempt)
);
