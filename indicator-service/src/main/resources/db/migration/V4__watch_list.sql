-- Watch-list (issue 15): when we last learnt something of a report fact (overdue mark, late submission),
-- so that an authority's incremental sync (updatedSince) sees a platform enter and leave the list.
alter table report_fact add column updated_at timestamptz;
