-- Evidence attached to an objection by its filer (who proves it is theirs with the token they got
-- when filing; only its hash is kept). Files live in the object storage under storage_key.
alter table objection add column filer_token_sha256 char(64);

create table objection_attachment (
    id           uuid primary key,
    objection_id uuid         not null references objection (id),
    file_name    varchar(255) not null,
    file_type    varchar(10)  not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    storage_key  varchar(300) not null,
    uploaded_at  timestamptz  not null
);
create index objection_attachment_objection on objection_attachment (objection_id);
