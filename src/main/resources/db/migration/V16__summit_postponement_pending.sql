-- The chair's postponement waits for the summit's process to carry it out (issue 11): set by the API's
-- postponement, cleared when the process has moved the summit. A SummitPostponed message sent through the
-- engine's API while nothing is pending is refused.
alter table summit add column postponement_pending boolean default false not null;
