-- Structured revocation reasons (issue 15): the code (DISSOLUTION, VIOLATION, FALSIFICATION, MAJOR_CHANGE,
-- FAILED_ACCEPTANCE, FAILED_ASSESSMENT, VOLUNTARY_EXIT, OTHER); revoke_reason keeps the authority's comment.
alter table platform add column revoke_reason_code varchar(30);
update platform set revoke_reason_code = 'OTHER' where status = 'REVOKED';
