-- A member withdraws their agenda item, with a reason, until the agenda it is on is published (issue 11). An
-- item withdrawn while the chair prepared the agenda keeps its row there, marked WITHDRAWN.
alter table agenda_item add column withdrawn_at timestamp;
alter table agenda_item add column withdrawal_reason varchar(2000);

alter table meeting_item drop constraint ck_meeting_item_result;
alter table meeting_item add constraint ck_meeting_item_result
    check (result in ('PENDING', 'DEFERRED', 'DECIDED', 'CARRIED_OVER', 'RETURNED', 'WITHDRAWN'));
