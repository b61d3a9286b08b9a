-- FAQ categories; items, languages, votes and attachments follow with the FAQ issue.
create table faq_category (
    id          bigserial    primary key,
    parent_id   bigint       references faq_category(id),
    name        varchar(200) not null,
    comment     text,
    valid       boolean      not null default true,
    created_at  timestamptz  not null default now(),
    unique (parent_id, name)
);
