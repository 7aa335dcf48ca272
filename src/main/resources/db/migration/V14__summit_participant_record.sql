-- Each summit participant is a record of its own (issue 11): their pre-work and their answer to the vision
-- are written in their own row with its own version, so that participants answering in the same instant
-- never conflict on the summit's row. Their assessments are read per participant.
alter table summit_participant add column version bigint not null default 0;
create index ix_summit_assessment_participant on summit_assessment (summit_id, user_id);
