-- Attachment text extraction (issue 6). Work to do is recorded in the same transaction as the
-- ArticleAdded event's id, so an article with attachments is never forgotten; a background worker
-- claims rows with "for update skip locked", sets a lease (next_attempt_at) and deletes the row
-- once the text is stored and indexed, or moves next_attempt_at on with backoff on failure.
create table pending_extraction (
    article_id      bigint      primary key,
    ticket_id       bigint      not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now()
);
create index pending_extraction_due on pending_extraction (next_attempt_at);
create index pending_extraction_ticket on pending_extraction (ticket_id);

-- What was extracted (or why not), per attachment: the reindex reads it instead of parsing again.
create table attachment_text (
    attachment_id bigint        primary key,
    article_id    bigint        not null,
    ticket_id     bigint        not null,
    filename      varchar(1000) not null,
    status        varchar(16)   not null check (status in ('extracted', 'skipped')),
    reason        text,
    content       text,
    extracted_at  timestamptz   not null default now()
);
create index attachment_text_article on attachment_text (article_id);
create index attachment_text_ticket on attachment_text (ticket_id);
