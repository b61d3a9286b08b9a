-- Outbox: every state change writes its event here in the same transaction; OutboxRelay publishes
-- the rows to Kafka in seq order and deletes them once the broker has acknowledged them.
create table outbox_event (
    seq            bigserial    primary key,
    event_id       uuid         not null unique,
    topic          varchar(128) not null,
    aggregate_id   varchar(64)  not null,
    event_type     varchar(64)  not null,
    envelope       text         not null,
    created_at     timestamptz  not null default now(),
    attempts       int          not null default 0,
    last_error     text
);
