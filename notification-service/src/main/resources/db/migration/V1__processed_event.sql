-- Idempotent consumers: an event's id is recorded in the same transaction as its effect.
create table processed_event (
    event_id     uuid        primary key,
    event_type   varchar(64) not null,
    processed_at timestamptz not null default now()
);
