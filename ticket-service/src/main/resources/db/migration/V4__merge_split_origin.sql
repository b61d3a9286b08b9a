-- Where a merged ticket went and where a split ticket came from (shown on the ticket, and what a
-- search reindex reads back). The number is kept with the id: ticket numbers never change.
alter table ticket add column merged_into_ticket_id bigint references ticket (id) on delete set null;
alter table ticket add column merged_into_number varchar(40);
alter table ticket add column split_from_ticket_id bigint references ticket (id) on delete set null;
