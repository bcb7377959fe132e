-- Transactional outbox: Spring Modulith's event publication registry (schema v2, PostgreSQL).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Idempotent consumers: one row per listener and event applied.
create table processed_event (
    event_id     uuid         not null,
    listener     varchar(200) not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (event_id, listener)
);

-- Cluster-safe schedulers (ShedLock, JDBC provider using database time).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Commands sent with an Idempotency-Key: the first answer per caller and key (kit.web.IdempotentRequests).
create table idempotent_request (
    caller          varchar(200) not null,
    idempotency_key varchar(200) not null,
    operation       varchar(200) not null,
    status          int          not null,
    response        jsonb        not null,
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);
