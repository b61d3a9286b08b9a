-- Runtime state: per-ticket facts and computed clocks, indexed timers, the outbox (SPEC G1, H3, J, K, L).

-- Optional per-record clock policy; null = the service-wide default (relaydesk.escalation.*).
alter table escalation_settings
    add column suspend_state_types varchar(200),
    add column suspend_state_names varchar(1000),
    add column update_mode         varchar(32) check (update_mode in ('AWAITING_AGENT', 'OTRS_LAST_CONTACT', 'AGENT_CADENCE'));

-- The system default calendar (A3/A4), OTRS' stock working hours: Mon-Fri 08:00-20:00, UTC.
insert into calendar (id, name, time_zone, is_default)
select 'default', 'Default (Mon-Fri 08:00-20:00 UTC)', 'UTC', true
where not exists (select 1 from calendar where is_default);
insert into calendar_window (calendar_id, iso_weekday, start_minute, end_minute)
select 'default', d, 480, 1200 from generate_series(1, 5) d
where exists (select 1 from calendar where id = 'default');

-- One row per ticket seen on ticket.events.
create table ticket_escalation (
    ticket_id                bigint       primary key,
    ticket_number            varchar(64),
    queue_id                 varchar(100) not null,
    sla_id                   varchar(100),
    state_name               varchar(100) not null,
    state_type               varchar(32)  not null,
    locked                   boolean      not null default false,
    owner_id                 varchar(100),
    pending_until            timestamptz,
    created_at               timestamptz  not null,
    -- the ticket.events partition it lives on: timers are fired by the instance owning that partition
    kafka_partition          integer      not null default 0,
    -- the timeline facts ClockCalculator needs (initial state + changes), compact JSON
    timeline                 text         not null,
    -- the last computed TicketClocks (JSON), breach history kept (G4)
    clocks                   text,
    -- per clock: which edge event was published last (NONE/WARNED/ESCALATED) and for which anchor (H3)
    notices                  text,
    calendar_id              varchar(64),
    closed                   boolean      not null default false,
    escalation_at            timestamptz,
    -- earliest due time whose TicketEscalated has not been published yet (sweep, H3)
    signal_due_at            timestamptz,
    reminder_last_at         timestamptz,
    reminder_count           integer      not null default 0,
    auto_close_requested_for timestamptz,
    unlock_requested_for     timestamptz,
    updated_at               timestamptz  not null default now()
);
create index ticket_escalation_queue on ticket_escalation (queue_id) where not closed;
create index ticket_escalation_sla on ticket_escalation (sla_id) where not closed and sla_id is not null;
create index ticket_escalation_calendar on ticket_escalation (calendar_id) where not closed;
create index ticket_escalation_escalation_at on ticket_escalation (escalation_at) where escalation_at is not null;
create index ticket_escalation_signal_due on ticket_escalation (signal_due_at) where signal_due_at is not null;

-- Next fire instants; the scheduler selects due rows with "for update skip locked".
create table timer (
    ticket_id       bigint      not null,
    kind            varchar(40) not null,
    fire_at         timestamptz not null,
    kafka_partition integer     not null,
    primary key (ticket_id, kind)
);
create index timer_fire_at on timer (fire_at);

-- Transactional outbox for escalation.events.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    aggregate_id varchar(100) not null,
    event_type   varchar(64)  not null,
    envelope     text         not null,
    created_at   timestamptz  not null default now()
);
