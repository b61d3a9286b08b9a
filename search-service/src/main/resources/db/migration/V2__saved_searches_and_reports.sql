-- Saved searches ("search templates") per agent.
create table saved_search (
    id          bigserial    primary key,
    owner       varchar(255) not null,
    name        varchar(200) not null,
    query       text         not null,
    created_at  timestamptz  not null default now(),
    unique (owner, name)
);

-- Composed statistics reports; shared ones are visible to every agent.
create table stat_report (
    id          bigserial    primary key,
    owner       varchar(255) not null,
    name        varchar(200) not null,
    definition  text         not null,
    shared      boolean      not null default false,
    created_at  timestamptz  not null default now(),
    unique (owner, name)
);
