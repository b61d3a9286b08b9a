-- Tickets, articles, attachments, seen flags, links, dynamic field values, history, and the
-- processed-event table of the idempotent consumers.

-- Counter of the date-based ticket number generator: never reused, safe under concurrency.
create sequence ticket_number_counter;

create table ticket (
    id                bigserial     primary key,
    number            varchar(40)   not null unique,
    title             varchar(255)  not null,
    queue_id          int           not null references queue (id),
    state_id          int           not null references ticket_state (id),
    priority_id       int           not null references priority (id),
    type_id           int           references ticket_type (id),
    locked            boolean       not null default false,
    owner             varchar(150),
    responsible       varchar(150),
    customer_user_id  varchar(150),
    customer_id       varchar(150),
    service_id        int           references support_service (id),
    sla_id            int           references sla (id),
    pending_until     timestamptz,
    escalated         boolean       not null default false,
    time_units        numeric(12, 2) not null default 0,
    created_at        timestamptz   not null,
    created_by        varchar(150)  not null,
    changed_at        timestamptz   not null,
    changed_by        varchar(150)  not null,
    closed_at         timestamptz,
    version           bigint        not null default 0
);
create index ticket_queue on ticket (queue_id, state_id);
create index ticket_state_idx on ticket (state_id);
create index ticket_owner on ticket (owner);
create index ticket_customer on ticket (customer_id);
create index ticket_customer_user on ticket (customer_user_id);
create index ticket_changed on ticket (changed_at, id);
create index ticket_created on ticket (created_at, id);

create table article (
    id                    bigserial      primary key,
    ticket_id             bigint         not null references ticket (id) on delete cascade,
    kind                  varchar(16)    not null,
    sender_type           varchar(16)    not null check (sender_type in ('agent', 'customer', 'system')),
    channel               varchar(16)    not null check (channel in ('email', 'phone', 'note', 'web')),
    visible_for_customer  boolean        not null,
    from_addr             text,
    to_addr               text,
    cc_addr               text,
    bcc_addr              text,
    subject               varchar(500),
    body_text             text           not null default '',
    body_html             text,
    message_id            varchar(500),
    in_reply_to           varchar(500),
    references_hdr        text,
    outbound              boolean        not null default false,
    delivery_status       varchar(16)    check (delivery_status in ('queued', 'sent', 'failed')),
    delivery_detail       text,
    time_units            numeric(12, 2) not null default 0,
    created_at            timestamptz    not null,
    created_by            varchar(150)   not null
);
create index article_ticket on article (ticket_id, id);
create index article_message_id on article (message_id);

create table attachment (
    id            bigserial    primary key,
    article_id    bigint       not null references article (id) on delete cascade,
    filename      varchar(300) not null,
    content_type  varchar(200) not null,
    size_bytes    bigint       not null,
    content       bytea        not null
);
create index attachment_article on attachment (article_id);

create table ticket_seen (
    id         bigserial    primary key,
    ticket_id  bigint       not null references ticket (id) on delete cascade,
    agent      varchar(150) not null,
    seen_at    timestamptz  not null,
    unique (ticket_id, agent)
);

create table article_seen (
    id          bigserial    primary key,
    article_id  bigint       not null references article (id) on delete cascade,
    agent       varchar(150) not null,
    seen_at     timestamptz  not null,
    unique (article_id, agent)
);

-- normal links are symmetric; parent_child reads source = parent, target = child.
create table ticket_link (
    id                bigserial    primary key,
    source_ticket_id  bigint       not null references ticket (id) on delete cascade,
    target_ticket_id  bigint       not null references ticket (id) on delete cascade,
    link_type         varchar(16)  not null check (link_type in ('normal', 'parent_child')),
    created_at        timestamptz  not null,
    created_by        varchar(150) not null,
    unique (source_ticket_id, target_ticket_id),
    check (source_ticket_id <> target_ticket_id)
);
create index ticket_link_target on ticket_link (target_ticket_id);

create table dynamic_field_value (
    id         bigserial primary key,
    ticket_id  bigint    not null references ticket (id) on delete cascade,
    field_id   int       not null references dynamic_field (id) on delete cascade,
    -- the value as JSON: a string, an array of strings, a boolean or an ISO date string
    value      text      not null,
    unique (ticket_id, field_id)
);

create table ticket_history (
    id            bigserial    primary key,
    ticket_id     bigint       not null references ticket (id) on delete cascade,
    history_type  varchar(40)  not null,
    article_id    bigint,
    actor         varchar(150) not null,
    created_at    timestamptz  not null,
    old_value     text,
    new_value     text,
    text          text         not null
);
create index ticket_history_ticket on ticket_history (ticket_id, id);

-- Idempotent consumers: an event's id is recorded in the same transaction as its effect.
create table processed_event (
    event_id      uuid        primary key,
    event_type    varchar(64) not null,
    processed_at  timestamptz not null default now()
);
