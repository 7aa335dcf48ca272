-- One charter version in acceptance at a time (issue 11). A version in acceptance holds the one acceptance
-- slot: in_acceptance is TRUE while it is in acceptance and NULL otherwise, and a unique constraint (which
-- lets any number of NULLs through, in H2 and PostgreSQL alike) lets only one version hold it. The
-- application refuses a second submission in words (409); the constraint decides a race of two.
alter table charter_version add column in_acceptance boolean;

-- A database that already has several versions in acceptance keeps them: the newest holds the slot, the
-- older ones run on without it until they take force or are withdrawn. No new version is submitted while
-- any of them is in acceptance.
update charter_version set in_acceptance = true
    where id = (select max(id) from charter_version where status = 'IN_ACCEPTANCE');

alter table charter_version add constraint uq_charter_version_in_acceptance unique (in_acceptance);
alter table charter_version add constraint ck_charter_version_in_acceptance
    check (in_acceptance is null or (in_acceptance = true and status = 'IN_ACCEPTANCE'));

-- Every wait ends (issue 11): a review closes at its deadline, and each RENEW owner who had not answered
-- is recorded as NO_ANSWER (which proposes no change), decided by nobody.
alter table charter_review drop constraint ck_charter_review_decision;
alter table charter_review add constraint ck_charter_review_decision
    check (decision in ('CONFIRM', 'PROPOSE_CHANGES', 'NO_ANSWER'));
