-- Deadlines announced once (issue 15): the recommending authority's deadline (RECOMMENDATION_CLOSES) is published
-- as DeadlineScheduled the first time a submission lands on its desk, and again only when the date moves.
create table scheduled_deadline (
    kind       varchar(40)  not null,
    subject_id varchar(200) not null,
    due_at     timestamptz  not null,
    primary key (kind, subject_id)
);
