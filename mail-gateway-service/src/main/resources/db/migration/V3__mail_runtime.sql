-- Mail runtime: ticket-service's ids are integers (queues int, tickets and articles bigint), not
-- uuids as V2 assumed; nothing wrote these columns before this version, so no value is lost.
-- Adds what the fetchers, the outbound queue and the outbox need.

alter table mail_account drop constraint mail_account_queue_dispatch;
alter table mail_account alter column queue_id type bigint using null;
alter table mail_account add constraint mail_account_queue_dispatch check (dispatch <> 'QUEUE' or queue_id is not null);
-- what happens to a mail in its mailbox once it is safely processed
alter table mail_account add column after_processing varchar(16) not null default 'DELETE'
    check (after_processing in ('DELETE', 'MARK_SEEN', 'MOVE'));
alter table mail_account add column move_to_folder varchar(255);
alter table mail_account add constraint mail_account_move_folder check (after_processing <> 'MOVE' or move_to_folder is not null);
-- last fetch outcome, for the admin view
alter table mail_account add column last_fetch_at timestamptz;
alter table mail_account add column last_fetch_error text;

alter table system_address alter column queue_id type bigint using null;

alter table inbound_mail alter column ticket_id type bigint using null;
alter table inbound_mail alter column article_id type bigint using null;
alter table inbound_mail add column ticket_number varchar(64);
-- REJECTED: ticket-service refused a follow-up to a closed ticket (queue policy "reject")
alter table inbound_mail drop constraint inbound_mail_status_check;
alter table inbound_mail add constraint inbound_mail_status_check
    check (status in ('RECEIVED', 'PROCESSING', 'COMMITTED', 'IGNORED', 'BOUNCE_HANDLED', 'QUARANTINED', 'REJECTED'));
create index inbound_mail_source_idx on inbound_mail (account_id, source_ref);
create index inbound_mail_ticket_message_idx on inbound_mail (message_id) where ticket_id is not null;

-- Outbound mail queue: one row per mail to send (an outbound article or a mail.outbound request).
-- Rows are kept after sending: their Message-IDs thread replies and bounces back to the ticket.
create table outbound_mail (
    id              uuid          primary key,
    -- ARTICLE (ticket.events ArticleAdded) or REQUEST (mail.outbound)
    source          varchar(8)    not null check (source in ('ARTICLE', 'REQUEST')),
    event_id        uuid          not null unique,
    request_id      varchar(200),
    ticket_id       bigint,
    ticket_number   varchar(64),
    article_id      bigint        unique,
    -- reply, forward, bounce, auto_response, email, notification
    kind            varchar(32)   not null,
    message_id      varchar(998)  not null,
    mail_from       text          not null,
    mail_to         text          not null,
    mail_cc         text,
    mail_bcc        text,
    subject         text          not null,
    in_reply_to     text,
    mail_references text,
    body_text       text,
    body_html       text,
    extra_headers   jsonb,
    -- names of the article's attachments (fetched from ticket-service when sending),
    -- or the request's attachments with their content
    attachments     jsonb,
    status          varchar(8)    not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      text,
    smtp_response   text,
    created_at      timestamptz   not null default now(),
    sent_at         timestamptz,
    version         bigint        not null default 0
);
create index outbound_mail_due_idx on outbound_mail (next_attempt_at) where status = 'QUEUED';
create index outbound_mail_message_id_idx on outbound_mail (message_id);
-- loop protection counts the auto responses a sender got today
create index outbound_mail_auto_response_idx on outbound_mail (lower(mail_to), created_at) where kind = 'auto_response';

-- Ticket numbers seen on ticket.events, so a [Ticket#...] subject finds its ticket id locally.
create table known_ticket (
    ticket_id  bigint      primary key,
    number     varchar(64) not null unique,
    queue_id   bigint,
    seen_at    timestamptz not null default now()
);

-- Transactional outbox: events written with the change that caused them; a relay publishes them.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        varchar(100) not null,
    aggregate_id varchar(200) not null,
    envelope     text         not null,
    created_at   timestamptz  not null default now()
);
