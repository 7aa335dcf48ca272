-- Lists are paged (issue 9, item 5): every paged or filtered list reads through an index, in the order it
-- is shown, instead of scanning its table.

-- The decision register is searched by touchpoint and by function. The comma-separated columns
-- board_decision.touchpoints / functions stay (the register shows and exports them as written), but a
-- LIKE '%,code,%' over 50,000 decisions reads every row; one row per code, with an index led by the
-- code, finds a touchpoint's decisions directly. Filled for decisions written before this script by
-- V7_1 (db.migration.V7_1__Decision_search_rows); from then on the decision writes them itself.
create table board_decision_touchpoint (
    decision_id      bigint      not null references board_decision (id),
    touchpoint_code  varchar(60) not null,
    primary key (decision_id, touchpoint_code)
);
create index ix_board_decision_touchpoint_code on board_decision_touchpoint (touchpoint_code, decision_id);

create table board_decision_function (
    decision_id      bigint      not null references board_decision (id),
    function_code    varchar(40) not null,
    primary key (decision_id, function_code)
);
create index ix_board_decision_function_code on board_decision_function (function_code, decision_id);

-- The register's order (newest first, id breaking ties) straight from an index.
drop index ix_board_decision_decided_at;
create index ix_board_decision_decided_at on board_decision (decided_at, id);

-- Actions: open ones first, by due date.
create index ix_board_action_status_due on board_action (status, due_at, id);
-- Actions of a decision (the minutes of a meeting).
create index ix_board_action_decision on board_action (decision_id);

-- Meetings, newest first.
create index ix_board_meeting_scheduled_at on board_meeting (scheduled_at, id);

-- A function's rights in a version, and a page of a version's matrix (the rights of some touchpoints).
create index ix_charter_allocation_version_function on charter_allocation (charter_version_id, function_id);
create index ix_charter_allocation_version_touchpoint on charter_allocation (charter_version_id, touchpoint_id);

-- The audit trail, newest first with the id breaking ties.
drop index ix_audit_entry_occurred_at;
create index ix_audit_entry_occurred_at on audit_entry (occurred_at, id);
