-- Graded assessments (issue 15): kinds of assessment per programme rule, each platform-year's grade as an
-- authority adjusted it (versioned, audited) and as published.

alter table assessment add column kind varchar(16) not null default 'YEARLY';   -- YEARLY, ACCEPTANCE, END_OF_TERM
alter table assessment drop constraint assessment_programme_code_year_authority_code_key;
alter table assessment add constraint assessment_once unique (programme_code, year, authority_code, kind);

-- Only what is not computed: the authority's adjustment and the published grade. The proposed grade is
-- computed from the data and the programme's rule (classpath:assessment-rules) whenever asked.
create table platform_assessment (
    platform_id          uuid          not null references platform (id) on delete cascade,
    year                 int           not null,
    kind                 varchar(16)   not null,
    version              bigint        not null,        -- ETag / If-Match of the adjustment
    grade                varchar(32),                   -- the adjusted grade, null = the rule's
    score                numeric(7, 2),                 -- the adjusted score, null = the computed one
    comment              text,
    adjusted_by          text,
    adjusted_at          timestamptz,
    published_grade      varchar(32),
    published_grade_name text,
    published_score      numeric(7, 2),
    published_passed     boolean,
    published_adjusted   boolean,
    assessment_id        uuid,
    published_at         timestamptz,
    updated_at           timestamptz   not null,
    primary key (platform_id, year, kind)
);

create table platform_assessment_audit (
    id           bigserial     primary key,
    platform_id  uuid          not null,
    year         int           not null,
    kind         varchar(16)   not null,
    at           timestamptz   not null,
    actor        text          not null,
    action       varchar(16)   not null,               -- ADJUSTED, PUBLISHED
    grade_before varchar(32),
    grade_after  varchar(32),
    score_before numeric(7, 2),
    score_after  numeric(7, 2),
    comment      text
);
create index platform_assessment_audit_by_platform on platform_assessment_audit (platform_id, year, kind, id);
