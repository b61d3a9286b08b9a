-- Mail in: where mail comes from, the raw store (every mail kept as received, for audit,
-- download and replay), the quarantine, and the admin's routing rules.
-- Queue ids refer to ticket-service's queues; no foreign key crosses a service boundary.

-- Mailboxes RelayDesk fetches from.
create table mail_account (
    id                    uuid         primary key,
    name                  varchar(200) not null unique,
    protocol              varchar(8)   not null check (protocol in ('IMAP', 'POP3')),
    host                  varchar(255) not null,
    port                  integer      not null check (port between 1 and 65535),
    tls_mode              varchar(8)   not null default 'TLS' check (tls_mode in ('NONE', 'STARTTLS', 'TLS')),
    username              varchar(320) not null,
    -- encrypted by the service before it is stored; never returned by the API
    password_encrypted    text         not null,
    folder                varchar(255) not null default 'INBOX',
    -- QUEUE: every mail goes to queue_id; SYSTEM_ADDRESS: routed by recipient through system_address
    dispatch              varchar(16)  not null check (dispatch in ('QUEUE', 'SYSTEM_ADDRESS')),
    queue_id              uuid,
    use_idle              boolean      not null default true,
    poll_interval_seconds integer      not null default 60 check (poll_interval_seconds > 0),
    -- whether X-RelayDesk-*/X-OTRS-* headers in mail from this account are honoured
    trusted               boolean      not null default false,
    enabled               boolean      not null default true,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    constraint mail_account_queue_dispatch check (dispatch <> 'QUEUE' or queue_id is not null)
);

-- Queue e-mail addresses: recipient -> queue, and the From of mail sent for that queue.
create table system_address (
    id           uuid         primary key,
    address      varchar(320) not null,
    display_name varchar(200) not null default '',
    queue_id     uuid         not null,
    enabled      boolean      not null default true,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    version      bigint       not null default 0
);
create unique index system_address_address_uq on system_address (lower(address));

-- Postmaster filters: all conditions must hold, then the actions apply; run in position order.
create table postmaster_filter (
    id               uuid         primary key,
    name             varchar(200) not null unique,
    position         integer      not null default 0,
    stop_after_match boolean      not null default false,
    -- [{"field":"Subject","operator":"REGEX","pattern":"...","negate":false}, ...]
    conditions       jsonb        not null,
    -- [{"type":"SetQueue","queue":"..."}, {"type":"SetPriority","priority":5}, ...]
    actions          jsonb        not null,
    enabled          boolean      not null default true,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    version          bigint       not null default 0,
    constraint postmaster_filter_conditions_array check (jsonb_typeof(conditions) = 'array'),
    constraint postmaster_filter_actions_array check (jsonb_typeof(actions) = 'array')
);
create index postmaster_filter_position_idx on postmaster_filter (position, name);

-- Every inbound mail, stored before anything else happens and never modified.
-- dedupe_key makes processing idempotent: the Message-ID, or "sha256:<hex>" of the raw
-- bytes when the mail has none. A mail is flagged/moved in its mailbox only once its row
-- reaches COMMITTED, IGNORED, BOUNCE_HANDLED or QUARANTINED.
create table inbound_mail (
    id               uuid         primary key,
    dedupe_key       varchar(998) not null unique,
    message_id       varchar(998),
    raw_sha256       char(64)     not null,
    raw              bytea        not null,
    raw_size         integer      not null,
    account_id       uuid         references mail_account (id) on delete set null,
    -- where it came from: IMAP uid / POP3 uidl / "lmtp"
    source_ref       varchar(255),
    received_at      timestamptz  not null default now(),
    status           varchar(16)  not null default 'RECEIVED'
                     check (status in ('RECEIVED', 'PROCESSING', 'COMMITTED', 'IGNORED', 'BOUNCE_HANDLED', 'QUARANTINED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_error       text,
    -- the pipeline's stage decisions and parse warnings, for the admin view
    decisions        jsonb,
    parse_warnings   jsonb,
    ticket_id        uuid,
    article_id       uuid,
    processed_at     timestamptz,
    version          bigint       not null default 0
);
create index inbound_mail_pending_idx on inbound_mail (next_attempt_at) where status in ('RECEIVED', 'PROCESSING');
create index inbound_mail_message_id_idx on inbound_mail (message_id);
create index inbound_mail_account_idx on inbound_mail (account_id, received_at);

-- Mail that could not be parsed or processed: listed for admins with the reason, replayable.
create table mail_quarantine (
    id              uuid        primary key,
    inbound_mail_id uuid        not null unique references inbound_mail (id) on delete cascade,
    -- parse, pipeline, ticket-service, ...
    stage           varchar(32) not null,
    reason          text        not null,
    quarantined_at  timestamptz not null default now(),
    replay_count    integer     not null default 0,
    last_replay_at  timestamptz,
    released_at     timestamptz,
    released_by     varchar(255)
);
create index mail_quarantine_open_idx on mail_quarantine (quarantined_at) where released_at is null;
