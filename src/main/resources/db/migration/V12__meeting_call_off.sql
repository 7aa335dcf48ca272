-- The chair calls a board meeting off before it opens (issue 11): who, when and why are part of the record;
-- the meeting is CANCELLED (a status the table already allows) and writes no minutes.
alter table board_meeting add column called_off_at timestamp;
alter table board_meeting add column called_off_by varchar(64);
alter table board_meeting add column call_off_reason varchar(2000);
