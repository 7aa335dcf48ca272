-- A change whose proposer leaves the designing head's question unanswered for 30 days is withdrawn (issue 14:
-- every case can end).
alter table touchpoint_change drop constraint ck_touchpoint_change_status;
alter table touchpoint_change add constraint ck_touchpoint_change_status check (status in ('PROPOSED', 'IN_DESIGN',
    'MORE_INFO', 'AT_BOARD', 'IN_BUILD', 'BUILT', 'LIVE', 'REJECTED', 'CLOSED', 'WITHDRAWN'));
