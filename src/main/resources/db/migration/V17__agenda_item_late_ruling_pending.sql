-- A board ruling on a charter dispute that no charter process waited for (issue 11): set when the board's
-- decision finds no receiver, cleared when the item's process has recorded it with the charter and told the
-- chair. A LateDisputeRuling message sent through the engine's API while nothing is pending is refused.
alter table agenda_item add column late_ruling_pending boolean default false not null;
