-- The chair withdraws a charter version in acceptance (issue 11): it never takes force. Who withdrew it,
-- when and why are part of the record.
alter table charter_version add column withdrawn_at timestamp;
alter table charter_version add column withdrawn_by varchar(64);
alter table charter_version add column withdrawal_reason varchar(2000);

alter table charter_version drop constraint ck_charter_version_status;
alter table charter_version add constraint ck_charter_version_status
    check (status in ('DRAFT', 'IN_ACCEPTANCE', 'EFFECTIVE', 'SUPERSEDED', 'WITHDRAWN'));
alter table charter_version add constraint ck_charter_version_withdrawn
    check ((status = 'WITHDRAWN' and withdrawn_at is not null and withdrawn_by is not null
            and withdrawal_reason is not null) or (status <> 'WITHDRAWN'));
