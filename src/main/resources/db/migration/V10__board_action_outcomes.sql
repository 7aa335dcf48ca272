-- A board action can be reported blocked by its owner and cancelled by the chair (issue 11). Who blocked or
-- cancelled it, when, and the chair's note are part of the record.
alter table board_action add column blocked_by varchar(64);
alter table board_action add column blocked_at timestamp;
alter table board_action add column cancelled_by varchar(64);
alter table board_action add column cancelled_at timestamp;
alter table board_action add column chair_note varchar(2000);

alter table board_action drop constraint ck_board_action_status;
alter table board_action add constraint ck_board_action_status
    check (status in ('OPEN', 'DONE', 'BLOCKED', 'CANCELLED'));
