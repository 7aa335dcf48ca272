-- The charter's record (issue 8): how each allocated right was settled, and the rights a draft drops.
--
-- settlement: HEAD_ACCEPTED (decided_by, a member of settled_group, the function's head group),
-- CHAIR_UPHELD (the chair over the head's objection), BOARD_RULED (the board's decision on a dispute)
-- or CARRIED_OVER (unchanged from the version in force, numbered carried_from, which is where its
-- acceptance was given). A right is ACCEPTED exactly when its settlement is recorded.
-- reallocated_from / reallocated_by: the function that declined a right the chair or the board then
-- gave to another function, and who moved it.
alter table charter_allocation add column settlement varchar(20);
alter table charter_allocation add column settled_group varchar(64);
alter table charter_allocation add column carried_from integer;
alter table charter_allocation add column reallocated_from varchar(40);
alter table charter_allocation add column reallocated_by varchar(64);

-- Rights accepted before this record existed: the board and the chair signed theirs recognisably;
-- every other acceptance was a head's, whose group membership was not checked then (settled_group
-- stays empty to say so).
update charter_allocation set settlement = 'BOARD_RULED'
    where status = 'ACCEPTED' and decided_by = 'board';
update charter_allocation set settlement = 'CHAIR_UPHELD', settled_group = 'board-chair'
    where status = 'ACCEPTED' and settlement is null and decision_note like 'Upheld by the chair%';
update charter_allocation set settlement = 'HEAD_ACCEPTED'
    where status = 'ACCEPTED' and settlement is null;

alter table charter_allocation add constraint ck_charter_allocation_settlement
    check (settlement in ('HEAD_ACCEPTED', 'CHAIR_UPHELD', 'BOARD_RULED', 'CARRIED_OVER'));
alter table charter_allocation add constraint ck_charter_allocation_settled
    check ((status = 'ACCEPTED' and settlement is not null) or (status <> 'ACCEPTED' and settlement is null));

-- Rights a draft removes on purpose: they are not carried over from the version in force, and the
-- draft warns that they lose their owner.
create table charter_dropped_right (
    charter_version_id  bigint      not null references charter_version (id) on delete cascade,
    touchpoint_id       bigint      not null references touchpoint (id),
    right_kind          varchar(10) not null,
    primary key (charter_version_id, touchpoint_id, right_kind),
    constraint ck_charter_dropped_right check (right_kind in ('DESIGN', 'BUILD', 'OPERATE', 'RENEW'))
);
