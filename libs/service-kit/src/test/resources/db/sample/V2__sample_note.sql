create table sample_note (
    id   varchar(36) primary key,
    text varchar(200) not null
);

create table sample_seen (
    note_id varchar(36) not null
);
