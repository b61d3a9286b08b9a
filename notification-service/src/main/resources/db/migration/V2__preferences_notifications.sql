-- Agent preferences (agent = Keycloak username).
create table agent_preference (
    agent              varchar(100) primary key,
    email              varchar(255),
    language           varchar(5)   not null default 'en',
    out_of_office_from date,
    out_of_office_to   date,
    substitute         varchar(100),
    updated_at         timestamptz  not null default now()
);

-- My Queues: the local read model of "who follows which queue" used to pick recipients.
create table agent_queue (
    agent    varchar(100) not null references agent_preference (agent) on delete cascade,
    queue_id bigint       not null,
    primary key (agent, queue_id)
);
create index agent_queue_queue_idx on agent_queue (queue_id);

-- Per notification kind: by e-mail and/or in-app. A missing row means the kind's default.
create table agent_notification_setting (
    agent  varchar(100) not null references agent_preference (agent) on delete cascade,
    kind   varchar(40)  not null,
    email  boolean      not null,
    in_app boolean      not null,
    primary key (agent, kind)
);

-- Read model of the tickets, from ticket.events (and escalation payloads), to pick recipients.
create table ticket_view (
    ticket_id             bigint       primary key,
    number                varchar(64),
    title                 varchar(500),
    queue_id              bigint,
    queue_name            varchar(200),
    owner                 varchar(100),
    responsible           varchar(100),
    locked                boolean      not null default false,
    state_type            varchar(40),
    first_article_pending boolean      not null default false,
    updated_at            timestamptz  not null default now()
);

-- One sequence orders everything pushed over SSE (notifications and ticket change hints):
-- its values are the SSE event ids, so Last-Event-ID resumes across both.
create sequence push_seq;

create table notification (
    id            bigint       primary key default nextval('push_seq'),
    agent         varchar(100) not null,
    kind          varchar(40)  not null,
    ticket_id     bigint,
    ticket_number varchar(64),
    ticket_title  varchar(500),
    text          text         not null,
    created_at    timestamptz  not null default now(),
    read_at       timestamptz
);
create index notification_agent_idx on notification (agent, id desc);
create index notification_unread_idx on notification (agent) where read_at is null;

-- Ticket change hints for open lists and ticket views; kept a short while for Last-Event-ID resumes.
create table ticket_hint (
    id         bigint      primary key default nextval('push_seq'),
    ticket_id  bigint      not null,
    type       varchar(64) not null,
    created_at timestamptz not null default now()
);
create index ticket_hint_created_idx on ticket_hint (created_at);

-- Dedupe of escalation and reminder notifications: once per recipient, ticket, kind:clock and business day.
create table delivery_log (
    recipient    varchar(100) not null,
    ticket_id    bigint       not null,
    dedupe_key   varchar(80)  not null,
    business_day date         not null,
    delivered_at timestamptz  not null default now(),
    primary key (recipient, ticket_id, dedupe_key, business_day)
);

-- Transactional outbox for mail.outbound; release_at holds mails until business hours.
create table outbox_event (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(128) not null,
    aggregate_id varchar(64)  not null,
    event_type   varchar(64)  not null,
    envelope     text         not null,
    created_at   timestamptz  not null default now(),
    release_at   timestamptz
);
create index outbox_event_release_idx on outbox_event (release_at);
