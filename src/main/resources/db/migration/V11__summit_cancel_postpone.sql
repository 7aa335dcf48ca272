-- The chair cancels a summit or postpones it before it opens (issue 11): who, when and why are part of the
-- record; a participant who gave no answer before the endorsement round closed is recorded as NO_ANSWER.
alter table summit add column cancelled_at timestamp;
alter table summit add column cancelled_by varchar(64);
alter table summit add column cancellation_reason varchar(2000);
alter table summit add column postponed_from timestamp;
alter table summit add column postponed_at timestamp;
alter table summit add column postponed_by varchar(64);
alter table summit add column postponement_reason varchar(2000);

alter table summit drop constraint ck_summit_status;
alter table summit add constraint ck_summit_status check (status in ('CONVENED', 'IN_SESSION', 'CLOSED', 'CANCELLED'));
